package dev.marketplace.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

  @Test
  void readsEveryPartOfAPostgresUri() {
    DatabaseSettings settings =
        DatabaseSettings.fromUri("postgresql://shop:p%40ss@db.internal:6543/market");

    assertThat(settings)
        .isEqualTo(new DatabaseSettings("db.internal", 6543, "market", "shop", "p@ss"));
    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/market");
    assertThat(DatabaseSettings.fromUri(settings.uri())).isEqualTo(settings);
  }

  @Test
  void refusesSomethingThatIsNotAPostgresUri() {
    assertThatThrownBy(() -> DatabaseSettings.fromUri("mysql://x@y/z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("postgresql://");
  }
}
