package org.mmccycle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BrandControllerTest {

  @Test
  void theMspsNameBecomesTheVendorWrittenAsAJavaScriptStringWhateverItHolds() {
    String config = "export default {\n  app: {\n    name: 'Tasklist',\n    vendor: 'MMC Cycle'\n  }\n};\n";

    assertThat(BrandController.withVendor(config, "Acme IT"))
        .contains("vendor: \"Acme IT\"").doesNotContain("'MMC Cycle'");
    assertThat(BrandController.withVendor(config, "O'Brien \"IT\" </script><b>"))
        .contains("vendor: \"O'Brien \\\"IT\\\" \\u003c/script>\\u003cb>\"");
    assertThat(BrandController.withVendor(config, " ")).contains("vendor: \"MMC Cycle\"");
  }

  @Test
  void aConfigThatNoLongerNamesItsVendorIsAnErrorNotASilentlyIgnoredSetting() {
    assertThatThrownBy(() -> BrandController.withVendor("export default {};", "Acme")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aLogoIsAPngAJpegOrAnSvgByItsName() {
    assertThat(BrandController.type("/etc/mmc/Logo.SVG")).hasToString("image/svg+xml");
    assertThat(BrandController.type("logo.jpeg")).hasToString("image/jpeg");
    assertThat(BrandController.type("logo.png")).hasToString("image/png");
    assertThat(BrandController.type("logo.gif")).isNull();
  }
}
