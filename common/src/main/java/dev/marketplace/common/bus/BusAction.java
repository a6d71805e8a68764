package dev.marketplace.common.bus;

/**
 * What a domain verticle can be asked to do over the event bus: a contract operation ({@link
 * ApiOperation}, generated from the contract) or an action of our own ({@link InternalAction}). Its
 * id travels in the {@value BusRequest#ACTION} header.
 */
public sealed interface BusAction permits ApiOperation, InternalAction {

  String id();
}
