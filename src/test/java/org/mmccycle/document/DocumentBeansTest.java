package org.mmccycle.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mmccycle.archive.RecordArchive;
import org.mmccycle.document.DocumentProperties.ArchiveLayout;
import org.mmccycle.publish.FolderPublicationTarget;
import org.mmccycle.publish.PublicationTarget;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The document beans and their properties, wired as Spring does it, without the process engine. */
class DocumentBeansTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(Config.class)
      .withBean(PdfRenderer.class)
      .withBean(FolderPublicationTarget.class)
      .withBean(RecordArchive.class);

  @EnableConfigurationProperties(DocumentProperties.class)
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
          assertThat(ctx).hasSingleBean(PdfRenderer.class).hasSingleBean(PublicationTarget.class)
              .hasSingleBean(RecordArchive.class);
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
