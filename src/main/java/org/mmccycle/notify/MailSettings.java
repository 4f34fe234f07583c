package org.mmccycle.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail to the responsible people ({@code mmc.mail.*}); the SMTP server itself is {@code spring.mail.*}.
 *
 * @param enabled false (the default): no mail is sent at all, and no SMTP server is needed
 * @param from the sender address
 * @param tasklistUrl where the links in the mails point (Camunda Tasklist)
 * @param digestDays how many days ahead the weekly digest lists what is due
 */
@ConfigurationProperties("mmc.mail")
public record MailSettings(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("MMC Cycle <mmc-cycle@localhost>") String from,
    @DefaultValue("http://localhost:8080/camunda/app/tasklist/default/") String tasklistUrl,
    @DefaultValue("7") int digestDays) {}
