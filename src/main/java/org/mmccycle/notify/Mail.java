package org.mmccycle.notify;

/** One e-mail to one person, plain text. */
public record Mail(String to, String subject, String body) {}
