package org.mmccycle.document;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import org.apache.xmlgraphics.io.Resource;
import org.apache.xmlgraphics.io.ResourceResolver;
import org.springframework.core.io.ClassPathResource;

/**
 * Lets FOP read {@code classpath:/...} URIs (the fonts named in fop.xconf) and nothing else, so
 * that fonts resolve alike from {@code target/classes} and inside the Spring Boot jar, and a
 * document can never make FOP read a file or URL.
 */
final class ClasspathResourceResolver implements ResourceResolver {

  static final String SCHEME = "classpath";

  @Override
  public Resource getResource(URI uri) throws IOException {
    if (!SCHEME.equals(uri.getScheme())) {
      throw new IOException("Documents may only use classpath resources, not " + uri);
    }
    String path = uri.isOpaque() ? uri.getSchemeSpecificPart() : uri.getPath();
    return new Resource(new ClassPathResource(path).getInputStream());
  }

  @Override
  public OutputStream getOutputStream(URI uri) throws IOException {
    throw new IOException("Documents may not write resources: " + uri);
  }
}
