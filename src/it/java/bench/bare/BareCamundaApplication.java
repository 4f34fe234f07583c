package bench.bare;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The bare Camunda starter that StartupBenchmark starts beside the packaged app: the web apps and
 * /engine-rest on file H2 in the working directory, an admin user, nothing of MMC Cycle. Its package
 * is outside org.mmccycle so that neither application scans the other. Started with the test classes
 * and the dependency jars only (not target/classes), so MMC Cycle's application.yaml is not read;
 * Flyway is on that classpath but excluded, as is mail.
 */
@SpringBootApplication(excludeName = {
    "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
    "org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration",
    "org.springframework.boot.autoconfigure.mail.MailSenderValidatorAutoConfiguration"})
public class BareCamundaApplication {

  public static void main(String[] args) {
    new SpringApplicationBuilder(BareCamundaApplication.class)
        .properties(Map.of(
            "spring.datasource.url", "jdbc:h2:file:./data/bare;DB_CLOSE_ON_EXIT=FALSE",
            "spring.datasource.username", "sa",
            "camunda.bpm.admin-user.id", "demo",
            "camunda.bpm.admin-user.password", "demo",
            "camunda.bpm.database.schema-update", "true",
            "springdoc.api-docs.enabled", "false",
            "management.endpoints.web.exposure.include", "health"))
        .run(args);
  }
}
