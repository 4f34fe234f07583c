package org.mmccycle.publish;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WebDAV folder published checklists go to ({@code mmc.documents.webdav.*}), used when
 * {@code mmc.documents.publish-target} is {@code webdav}.
 *
 * @param url the folder's URL, e.g. {@code https://dav.example.com/checklists/}
 * @param user the user for HTTP Basic authentication, or empty for none
 * @param password the user's password
 * @param timeout how long one request may take
 */
@ConfigurationProperties("mmc.documents.webdav")
public record WebDavProperties(URI url, String user, String password, @DefaultValue("30s") Duration timeout) {}
