package org.mmccycle;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * The SMTP server of the shared test context: a real one (GreenMail) on loopback, on a port fixed for
 * the JVM, so that a test can stop it (the firm's mail server is down) and start it again on the same port.
 */
public final class TestSmtp {

  private static final int PORT = freePort();
  private static GreenMail server = start();

  private TestSmtp() {}

  public static int port() {
    return PORT;
  }

  public static synchronized GreenMail server() {
    return server;
  }

  /** The server goes away: connections are refused. */
  public static synchronized void stop() {
    server.stop();
  }

  /** A new server on the same port, with an empty mailbox. */
  public static synchronized void restart() {
    server.stop();
    server = start();
  }

  public static synchronized void purge() {
    try {
      server.purgeEmailFromAllMailboxes();
    } catch (FolderException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The mails received for one address, in the order received. */
  public static List<MimeMessage> to(String address) {
    return Arrays.stream(server().getReceivedMessages()).filter(message -> addressedTo(message, address)).toList();
  }

  public static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean addressedTo(MimeMessage message, String address) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(to -> to.toString().equals(address));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static GreenMail start() {
    var greenMail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    return greenMail;
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
