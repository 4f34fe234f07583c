package org.mmccycle.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mmccycle.archive.ArchiveIndex;
import org.mmccycle.archive.ArchiveManifest;
import org.mmccycle.archive.RecordArchive;
import org.mmccycle.document.DocumentProperties.ArchiveLayout;
import org.mmccycle.publish.FolderPublicationTarget;
import org.mmccycle.publish.PublicationTarget;
import org.mmccycle.publish.WebDavProperties;
import org.mmccycle.publish.WebDavPublicationTarget;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import java.time.Clock;

/** The document beans and their properties, wired as Spring does it, without the process engine. */
class DocumentBeansTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(Config.class)
      .withBean(Clock.class, Clock::systemUTC)
      .withBean(PdfRenderer.class)
      .withBean(FolderPublicationTarget.class)
      .withBean(WebDavPublicationTarget.class)
      .withBean(JdbcClient.class, () -> JdbcClient.create(new DriverManagerDataSource("jdbc:h2:mem:beans")))
      .withBean(ArchiveIndex.class)
      .withBean(ArchiveManifest.class)
      .withBean(RecordArchive.class);

  @EnableConfigurationProperties({DocumentProperties.class, WebDavProperties.class})
  static class Config {}

  @Test
  void shouldBindTheDocumentPropertiesAsWrittenInApplicationYaml() {
    context
        .withPropertyValues(
            "mmc.documents.publish-folder=./data/published",
            "mmc.documents.archive-folder=/srv/mmc/archive",
            "mmc.documents.archive-layout=by-client",
            "mmc.cycle.time-zone=Europe/Berlin")
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          var properties = ctx.getBean(DocumentProperties.class);
          assertThat(properties.publishFolder().normalize()).isEqualTo(Path.of("data/published"));
          assertThat(properties.archiveFolder()).isEqualTo(Path.of("/srv/mmc/archive"));
          assertThat(properties.archiveLayout()).isEqualTo(ArchiveLayout.BY_CLIENT);
          assertThat(ctx).hasSingleBean(PdfRenderer.class).hasSingleBean(FolderPublicationTarget.class)
              .hasSingleBean(PublicationTarget.class)
              .hasSingleBean(RecordArchive.class);
        });
  }

  @Test
  void shouldPublishToWebDavWhenSoConfigured() {
    context
        .withPropertyValues("mmc.documents.publish-folder=p", "mmc.documents.archive-folder=a",
            "mmc.documents.publish-target=webdav", "mmc.documents.webdav.url=https://dav.example.invalid/checklists",
            "mmc.documents.webdav.user=mmc", "mmc.documents.webdav.password=secret")
        .run(ctx -> {
          assertThat(ctx).hasNotFailed().hasSingleBean(PublicationTarget.class);
          assertThat(ctx.getBean(PublicationTarget.class)).isInstanceOf(WebDavPublicationTarget.class);
        });
  }

  @Test
  void shouldFileByMonthUnlessToldOtherwise() {
    context
        .withPropertyValues("mmc.documents.publish-folder=p", "mmc.documents.archive-folder=a")
        .run(ctx -> assertThat(ctx.getBean(DocumentProperties.class).archiveLayout())
            .isEqualTo(ArchiveLayout.BY_MONTH));
  }
}
