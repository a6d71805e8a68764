package dev.marketplace.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code MARKETPLACE_*} settings, as {@code NAME=value}, for the marketplace an {@link ApiTest}
 * class runs, on top of the test defaults.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface ServerSettings {
  String[] value();
}
