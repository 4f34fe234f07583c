package org.mmccycle.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TextsTest {

  @ParameterizedTest
  @ValueSource(strings = {"Harbour \u202Efdp.exe", "a\u202Ab", "a\u2066b", "a\u200Fb", "a\u061Cb", "\uFEFFHarbour"})
  void refusesInvisibleDirectionMarks(String name) {
    assertThat(Texts.controlCharacterProblem(name, false)).contains("invisible direction");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Mühlenbäckerei", "שלום", "مرحبا", "Ærø Skole", "Zürich\u200DLab"})
  void acceptsTextInAnyScript(String name) {
    assertThat(Texts.controlCharacterProblem(name, false)).isNull();
  }

  @Test
  void decodesAFileInItsCharsetAndNamesTheLineOfABadByte() {
    byte[] latin1 = "slug,name\nmuehle,M\u00fchlenb\u00e4ckerei\n".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(Texts.decode(latin1, StandardCharsets.ISO_8859_1)).contains("Mühlenbäckerei");
    assertThatThrownBy(() -> Texts.decode(latin1, StandardCharsets.UTF_8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("line 2: the file is not valid UTF-8 (byte 0xFC)");
  }
}
