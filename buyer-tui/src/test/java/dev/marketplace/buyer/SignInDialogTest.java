package dev.marketplace.buyer;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import org.junit.jupiter.api.Test;

/** The sign-in and registration dialog shows every word of what the server refused. */
class SignInDialogTest extends TuiTest {

  @Test
  void aRegistrationRefusedForTwoFieldsShowsBothReasonsWhole() throws Exception {
    try (Driver tui = Driver.start(newBuyer(marketplace.baseUrl()))) {
      tui.await("Desk Lamp");
      tui.type("o").await("Sign in to go on");
      tui.type("r").await("Register");
      tui.type("Ada").press(KeyType.Tab).type("ada@example").press(KeyType.Tab).type("short");

      String refused = tui.press(KeyType.Enter).await("password must be at least 8 characters");

      assertThat(refused)
          .contains("email must be an address like ada@example.com")
          .doesNotContain("…");
    }
  }
}
