package dev.marketplace.seller;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads every option whose values are a fixed set of choices (an enum) in any letter case, and
 * names the choices in lower case when a value is none of them, as the API and the help spell them:
 * picocli's own message lists the enum's constants in capitals, in its own words.
 */
final class LowerCaseChoices<E extends Enum<E>> implements ITypeConverter<E> {

  private final Class<E> type;

  private LowerCaseChoices(Class<E> type) {
    this.type = type;
  }

  /** Registers a converter for each enum that an option of {@code root} or below takes. */
  static void register(CommandLine root) {
    Set<Class<?>> enums = new HashSet<>();
    collect(root.getCommandSpec(), enums);
    enums.forEach(type -> registerFor(root, type));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void registerFor(CommandLine root, Class<?> type) {
    root.registerConverter((Class) type, new LowerCaseChoices(type));
  }

  private static void collect(CommandSpec spec, Set<Class<?>> enums) {
    for (OptionSpec option : spec.options()) {
      if (option.type().isEnum()) {
        enums.add(option.type());
      }
    }
    spec.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), enums));
  }

  /** The choices a person may type: the client's stand-in for a newer server's value is not one. */
  private List<E> choices() {
    return Arrays.stream(type.getEnumConstants())
        .filter(choice -> !choice.name().equals("UNKNOWN"))
        .toList();
  }

  @Override
  public E convert(String value) {
    for (E choice : choices()) {
      if (choice.name().equalsIgnoreCase(value.strip())) {
        return choice;
      }
    }
    throw new TypeConversionException(
        "must be one of "
            + choices().stream()
                .map(choice -> choice.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "))
            + ", not \""
            + value
            + "\"");
  }
}
