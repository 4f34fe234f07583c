package org.mmccycle.client;

/** One device of a contract client: a server, a storage array, a printer, ... */
public record Device(String name, DeviceKind kind) {}
