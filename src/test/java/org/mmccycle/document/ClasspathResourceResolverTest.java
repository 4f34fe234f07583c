package org.mmccycle.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import org.junit.jupiter.api.Test;

class ClasspathResourceResolverTest {

  private final ClasspathResourceResolver resolver = new ClasspathResourceResolver();

  @Test
  void shouldReadTheFontsFromTheClasspath() throws IOException {
    try (var font = resolver.getResource(URI.create("classpath:/fonts/DejaVuSans.ttf"))) {
      assertThat(font.readNBytes(4)).containsExactly(0, 1, 0, 0); // a TrueType font
    }
  }

  @Test
  void shouldGiveEveryDocumentTheWholeFontFromItsFirstReadOn() throws IOException {
    URI uri = URI.create("classpath:/fonts/DejaVuSans-Bold.ttf");
    byte[] onDisk;
    try (var in = getClass().getResourceAsStream("/fonts/DejaVuSans-Bold.ttf")) {
      onDisk = in.readAllBytes();
    }
    try (var first = resolver.getResource(uri); var second = resolver.getResource(uri)) {
      assertThat(first.readAllBytes()).isEqualTo(onDisk);
      assertThat(second.readAllBytes()).as("a stream of its own, from the start").isEqualTo(onDisk);
    }
  }

  @Test
  void shouldLetFopResolveFontsAgainstItsBaseAsUrls() throws Exception {
    // what FOP's InternalResourceResolver.resolveFromBase does for every font of every document
    URL base = URI.create("classpath:/document/").toURL();
    URL font = new URL(base, "classpath:/fonts/DejaVuSans.ttf");

    assertThat(font.toURI()).isEqualTo(URI.create("classpath:/fonts/DejaVuSans.ttf"));
  }

  @Test
  void shouldNeverOpenAClasspathUrlItself() throws Exception {
    var handler = new ClasspathUrlHandlerProvider().createURLStreamHandler("classpath");
    URL font = new URL(null, "classpath:/fonts/DejaVuSans.ttf", handler);

    assertThatThrownBy(font::openStream).isInstanceOf(IOException.class).hasMessageContaining("not opened");
    assertThat(new ClasspathUrlHandlerProvider().createURLStreamHandler("file")).isNull();
  }

  @Test
  void shouldRefuseFilesUrlsAndWriting() {
    assertThatThrownBy(() -> resolver.getResource(URI.create("file:///etc/passwd"))).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> resolver.getResource(URI.create("http://example.com/x.ttf"))).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> resolver.getOutputStream(URI.create("classpath:/x"))).isInstanceOf(IOException.class);
  }
}
