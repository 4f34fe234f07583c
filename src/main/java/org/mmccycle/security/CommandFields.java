package org.mmccycle.security;

import java.lang.reflect.Field;

/**
 * What an engine command carries (a task query, the variables a completion submits), read from the
 * command object itself before the engine runs it: Camunda's commands keep these in protected fields
 * without getters. A field that is gone after an upgrade stops the engine from starting, so that no
 * check silently stops working.
 */
public final class CommandFields {

  private CommandFields() {}

  /** The field, made readable, or an exception that names what changed. */
  public static Field field(Class<?> type, String name, Class<?> expectedType) {
    try {
      Field field = type.getDeclaredField(name);
      if (!expectedType.isAssignableFrom(field.getType())) {
        throw new IllegalStateException(type.getName() + "." + name + " is no longer a " + expectedType.getSimpleName());
      }
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda changed " + type.getName() + " (no field " + name
          + "): MMC Cycle's checks of that command must be updated before this engine version runs", e);
    }
  }

  public static Object read(Field field, Object command) {
    try {
      return field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + field, e);
    }
  }
}
