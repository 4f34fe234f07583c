package org.mmccycle.client;

import java.util.Locale;

/** What a client's device is; the standard checklist has sections for each kind. */
public enum DeviceKind {
  SERVER,
  STORAGE,
  PRINTER,
  NETWORK,
  WORKSTATION;

  public String label() {
    return switch (this) {
      case SERVER -> "Server";
      case STORAGE -> "Storage array";
      case PRINTER -> "Printer";
      case NETWORK -> "Network device";
      case WORKSTATION -> "Workstation";
    };
  }

  public static DeviceKind parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("unknown device kind '" + value + "' (expected one of server, storage, printer, network, workstation)");
    }
  }
}
