package org.mmccycle;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.mmccycle.cycle.planted.PlantedCycleStart;
import org.mmccycle.notify.planted.PlantedCycleEnd;
import org.mmccycle.report.planted.PlantedHistoryReader;

/**
 * The layout's rules, checked on the application's classes; each also on a planted violation (test
 * classes under {@code ..planted}), to show that it fails when someone breaks it.
 */
class ArchitectureTest {

  /** Packages may depend on each other in one direction only. */
  static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.mmccycle.(*)..").should().beFreeOfCycles();

  /** Only the model bindings, the engine's tuning and security know Camunda. */
  static final ArchRule CAMUNDA_BOUNDARY = noClasses()
      .that().resideOutsideOfPackages("org.mmccycle.process..", "org.mmccycle.engine..", "org.mmccycle.security..")
      .should().dependOnClassesThat().resideInAPackage("org.camunda..")
      .because("the cycle, its documents, reports and mail are plain Java; process, engine and security speak to the engine");

  /** One clock: the Clock bean (engine/EngineClock, which follows the engine's ClockUtil). */
  static final ArchRule ONE_CLOCK = noClasses()
      .that().doNotHaveFullyQualifiedName("org.mmccycle.engine.EngineClock")
      .should().callMethod(Instant.class, "now")
      .orShould().callMethod(LocalDate.class, "now")
      .orShould().callMethod(LocalDateTime.class, "now")
      .orShould().callMethod(LocalTime.class, "now")
      .orShould().callMethod(ZonedDateTime.class, "now")
      .orShould().callMethod(OffsetDateTime.class, "now")
      .orShould().callMethod(YearMonth.class, "now")
      .orShould().callMethod(Year.class, "now")
      .orShould().callMethod(LocalDate.class, "now", ZoneId.class)
      .orShould().callMethod(YearMonth.class, "now", ZoneId.class)
      .orShould().callMethod(System.class, "currentTimeMillis")
      .orShould().callConstructor(Date.class)
      .orShould().callMethod(Clock.class, "systemUTC")
      .orShould().callMethod(Clock.class, "systemDefaultZone")
      .orShould().callMethod(Clock.class, "system", ZoneId.class)
      .because("a test moves the engine's clock and everything must follow it: use the Clock bean");

  /** The engine's clock is read through the Clock bean, outside the engine's own tuning. */
  static final ArchRule ENGINE_CLOCK_IN_ENGINE_ONLY = noClasses()
      .that().resideOutsideOfPackage("org.mmccycle.engine..")
      .should().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.impl.util.ClockUtil")
      .because("ClockUtil is read by engine/EngineClock; everything else asks the Clock bean");

  private static final JavaClasses APPLICATION = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.mmccycle");

  private static final JavaClasses PLANTED = new ClassFileImporter()
      .importClasses(PlantedCycleStart.class, PlantedCycleEnd.class, PlantedHistoryReader.class);

  @Test
  void packagesDependOnEachOtherInOneDirectionOnly() {
    NO_PACKAGE_CYCLES.check(APPLICATION);
    assertThatThrownBy(() -> NO_PACKAGE_CYCLES.check(PLANTED)).hasMessageContaining("Cycle detected");
  }

  @Test
  void onlyProcessEngineAndSecurityKnowCamunda() {
    CAMUNDA_BOUNDARY.check(APPLICATION);
    assertThatThrownBy(() -> CAMUNDA_BOUNDARY.check(PLANTED)).hasMessageContaining("PlantedHistoryReader")
        .hasMessageContaining("org.camunda.bpm.engine.HistoryService");
  }

  @Test
  void nothingButTheClockBeanAsksTheSystemForTheTime() {
    ONE_CLOCK.check(APPLICATION);
    ENGINE_CLOCK_IN_ENGINE_ONLY.check(APPLICATION);
    assertThatThrownBy(() -> ONE_CLOCK.check(PLANTED)).hasMessageContaining("Instant.now()");
    assertThatThrownBy(() -> ENGINE_CLOCK_IN_ENGINE_ONLY.check(PLANTED)).hasMessageContaining("ClockUtil");
  }
}
