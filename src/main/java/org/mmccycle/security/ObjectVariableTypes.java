package org.mmccycle.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.bpm.engine.runtime.DeserializationTypeValidator;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.spin.DataFormats;
import org.camunda.spin.plugin.impl.SpinObjectValueSerializer;

/**
 * The Java types an {@code Object} variable may hold: the ones the application itself stores (lists
 * of client slugs, plain values and collections), nothing else. Checked twice: when such a variable
 * is written, whoever writes it (a value sent as {@code {"type":"Object","valueInfo":{"objectTypeName":
 * "java.net.URL"}}} to /engine-rest is refused with a 400), and when one is read, by Camunda's own
 * deserialization type validation, which is switched on with this list.
 */
public final class ObjectVariableTypes implements DeserializationTypeValidator {

  /** Spin's JSON serializer of Object variables, the one {@code application/json} selects. */
  static final String JSON_SERIALIZER = "spin://application/json";

  static final Set<String> ALLOWED = Set.of(
      "java.lang.String", "java.lang.Boolean", "java.lang.Integer", "java.lang.Long", "java.lang.Short",
      "java.lang.Double", "java.lang.Float", "java.lang.Character", "java.lang.Byte", "java.lang.Object",
      "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap",
      "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeMap", "java.util.TreeSet");

  @Override
  public boolean validate(String className) {
    return className == null || className.isBlank() || ALLOWED.contains(className.trim());
  }

  /** The classes a canonical type name such as {@code java.util.ArrayList<java.lang.String>} names, arrays included. */
  static List<String> classesOf(String typeName) {
    return Arrays.stream(typeName.split("[<>,\\s]+"))
        .map(name -> name.replace("[]", ""))
        .filter(name -> !name.isEmpty())
        .toList();
  }

  /** Why a variable may not hold this type, or null when it may. */
  String refusal(String variable, String typeName) {
    if (typeName == null || typeName.isBlank()) {
      return "variable '" + variable + "': an Object value needs its objectTypeName";
    }
    List<String> refused = classesOf(typeName).stream().filter(name -> !validate(name)).toList();
    return refused.isEmpty() ? null : "variable '" + variable + "': type " + String.join(", ", refused)
        + " is not accepted in an Object variable; send the value as Json, String, a number or a boolean";
  }

  /** Puts the checking serializer in place of Spin's JSON serializer (same name: stored variables read as before). */
  void checkWrites(ProcessEngineConfigurationImpl configuration) {
    VariableSerializers serializers = configuration.getVariableSerializers();
    int index = serializers.getSerializerIndexByName(JSON_SERIALIZER);
    TypedValueSerializer<?> spin = serializers.getSerializerByName(JSON_SERIALIZER);
    if (index < 0 || spin == null) {
      throw new IllegalStateException("Spin's JSON serializer " + JSON_SERIALIZER + " is not registered: is the Spin plugin on?");
    }
    serializers.removeSerializer(spin);
    serializers.addSerializer(new Checked(this), index);
  }

  /** Spin's JSON serializer that refuses an Object value of a type not on the list before anything is stored. */
  static final class Checked extends SpinObjectValueSerializer {

    private final ObjectVariableTypes types;

    Checked(ObjectVariableTypes types) {
      super(JSON_SERIALIZER, DataFormats.getDataFormat("application/json"));
      this.types = types;
    }

    @Override
    public void writeValue(ObjectValue value, ValueFields valueFields) {
      String typeName = value.isDeserialized() && value.getValue() != null
          ? getTypeNameForDeserialized(value.getValue()) : value.getObjectTypeName();
      if (value.isDeserialized() ? value.getValue() != null : value.getValueSerialized() != null) {
        String refusal = types.refusal(valueFields.getName(), typeName);
        if (refusal != null) {
          throw new BadUserRequestException(refusal);
        }
      }
      super.writeValue(value, valueFields);
    }
  }
}
