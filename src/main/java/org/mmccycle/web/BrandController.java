package org.mmccycle.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The MSP's brand in Camunda's web apps ({@link BrandSettings}): the logo at {@code /brand/logo} (the
 * apps' stylesheets show it in place of the vendor's, the login page included, so it answers without a
 * login), and each app's {@code scripts/config.js} with the MSP's name as the apps' vendor. Both are
 * made once, not at every page load: the settings do not change while the application runs.
 */
@RestController
public class BrandController {

  private static final Set<String> APPS = Set.of("admin", "cockpit", "tasklist", "welcome");
  /** How our config.js files name the vendor; the brand's name replaces it. */
  static final String VENDOR_LINE = "vendor: 'MMC Cycle'";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType SVG = MediaType.valueOf("image/svg+xml");
  private static final Logger LOG = LoggerFactory.getLogger(BrandController.class);

  /** The logo as read at start: the MSP's file, or the product's own when it has none or it cannot be used. */
  private record Logo(byte[] bytes, MediaType type) {}

  private final Logo logo;
  private final String vendor;
  /** Each app's config.js with the vendor's name, made at its first request. */
  private final Map<String, String> configs = new ConcurrentHashMap<>();

  public BrandController(BrandSettings brand) throws IOException {
    this.logo = readLogo(brand.logo() == null ? "" : brand.logo().trim());
    this.vendor = brand.name();
  }

  /** Read once, at start (a changed file needs a restart, as every setting does); a bad one is said once. */
  private static Logo readLogo(String file) throws IOException {
    MediaType type = file.isEmpty() ? null : type(file);
    if (!file.isEmpty() && type != null && Files.isReadable(Path.of(file))) {
      return new Logo(Files.readAllBytes(Path.of(file)), type);
    }
    if (!file.isEmpty()) {
      LOG.warn("mmc.brand.logo: {} {}; the product's logo is shown", file,
          type == null ? "is not a .png, .jpg or .svg file" : "cannot be read");
    }
    try (InputStream in = new ClassPathResource("brand/mmc-cycle.svg").getInputStream()) {
      return new Logo(in.readAllBytes(), SVG);
    }
  }

  @GetMapping("/brand/logo")
  public ResponseEntity<byte[]> logo() {
    // an image, never a page: an SVG opened at this address runs no script and loads nothing
    return ResponseEntity.ok().contentType(logo.type()).cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
        .header("X-Content-Type-Options", "nosniff")
        .body(logo.bytes());
  }

  /** The app's own config.js (ours, in META-INF/resources), naming the MSP. */
  @GetMapping(value = "/camunda/app/{app}/scripts/config.js", produces = "application/javascript")
  public ResponseEntity<String> config(@PathVariable String app) {
    if (!APPS.contains(app)) {
      throw new NotFoundException("no web app '" + app + "'");
    }
    return ResponseEntity.ok().contentType(MediaType.valueOf("application/javascript")).cacheControl(CacheControl.noCache())
        .body(configs.computeIfAbsent(app, this::configNamingTheVendor));
  }

  private String configNamingTheVendor(String app) {
    try (InputStream in = new ClassPathResource("META-INF/resources/webjars/camunda/app/" + app + "/scripts/config.js").getInputStream()) {
      return withVendor(new String(in.readAllBytes(), StandardCharsets.UTF_8), vendor);
    } catch (IOException e) {
      throw new UncheckedIOException("the web app's config.js cannot be read: " + app, e);
    }
  }

  /** The config with this vendor name, written as a JavaScript string whatever characters it has. */
  static String withVendor(String config, String vendor) {
    if (!config.contains(VENDOR_LINE)) {
      throw new IllegalStateException("a web app's config.js no longer names its vendor as " + VENDOR_LINE);
    }
    try {
      String literal = JSON.writeValueAsString(vendor == null || vendor.isBlank() ? "MMC Cycle" : vendor.strip())
          .replace("<", "\\u003c");
      return config.replace(VENDOR_LINE, "vendor: " + literal);
    } catch (JsonProcessingException cannotHappen) {
      throw new IllegalStateException(cannotHappen);
    }
  }

  /** The logo's type by its name; null when it is none of PNG, JPEG and SVG. */
  static MediaType type(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".svg")) {
      return SVG;
    }
    if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
      return MediaType.IMAGE_JPEG;
    }
    return lower.endsWith(".png") ? MediaType.IMAGE_PNG : null;
  }
}
