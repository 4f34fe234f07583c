package org.mmccycle.document;

import java.io.IOException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.net.spi.URLStreamHandlerProvider;

/**
 * Makes {@code classpath:} a protocol the JDK knows, for FOP's URI arithmetic only. FOP resolves every
 * font URI through {@code URI.toURL()}; for an unknown protocol the JDK searches every jar's service
 * providers and fails, for each font of each document (5 % of a render, issue 8). With this provider
 * (META-INF/services, found on the application class path) the lookup succeeds once and is cached.
 * FOP never opens such a URL: {@link ClasspathResourceResolver} reads the resources. (Where embedded
 * Tomcat has registered its own URL handlers, which know {@code classpath:} too, the JDK asks those first.)
 */
public final class ClasspathUrlHandlerProvider extends URLStreamHandlerProvider {

  private static final URLStreamHandler NOT_OPENED = new URLStreamHandler() {
    @Override
    protected URLConnection openConnection(URL url) throws IOException {
      throw new IOException("A classpath: URL is not opened as a URL: " + url);
    }
  };

  @Override
  public URLStreamHandler createURLStreamHandler(String protocol) {
    return ClasspathResourceResolver.SCHEME.equals(protocol) ? NOT_OPENED : null;
  }
}
