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
  void readsLibpqsMultiHostForm() {
    DatabaseSettings settings =
        DatabaseSettings.fromUri(
            "postgresql://shop:secret@db-1.internal:5432,db-2.internal,[fd00::3]:6543/market");

    assertThat(settings.hosts())
        .containsExactly(
            new DatabaseHost("db-1.internal", 5432),
            new DatabaseHost("db-2.internal", 5432),
            new DatabaseHost("fd00::3", 6543));
    assertThat(settings.user()).isEqualTo("shop");
    assertThat(settings.password()).isEqualTo("secret");
    assertThat(settings.database()).isEqualTo("market");
    assertThat(settings.jdbcUrl())
        .isEqualTo(
            "jdbc:postgresql://db-1.internal:5432,db-2.internal:5432,[fd00::3]:6543/market"
                + "?targetServerType=primary");
    assertThat(DatabaseSettings.fromUri(settings.uri())).isEqualTo(settings);
    assertThat(settings.connectOptions(settings.hosts().get(2)).getHost()).isEqualTo("fd00::3");
  }

  @Test
  void aListOfHostsHasNoSingleHostToConnectTo() {
    DatabaseSettings settings = DatabaseSettings.fromUri("postgresql://u@a:5432,b:5433/db");

    assertThatThrownBy(settings::connectOptions)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("several hosts");
  }

  @Test
  void refusesAnEmptyOrRepeatedHost() {
    assertThatThrownBy(() -> DatabaseSettings.fromUri("postgresql://u@a:5432,,b:5433/db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty host");
    assertThatThrownBy(() -> DatabaseSettings.fromUri("postgresql://u@a:5432,a:5432/db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> DatabaseSettings.fromUri("postgresql://u@a:5432,b:99999/db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("postgresql://");
  }

  @Test
  void refusesSomethingThatIsNotAPostgresUri() {
    assertThatThrownBy(() -> DatabaseSettings.fromUri("mysql://x@y/z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("postgresql://");
  }
}
