package org.mmccycle.onboarding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.mmccycle.checklist.RevisionItem;
import org.mmccycle.validation.PlainText;
import org.mmccycle.validation.Slug;
import org.mmccycle.validation.Texts;

/**
 * A client to onboard: master data, devices, and items of its own beyond the template's.
 *
 * @param visitPreference empty (any day), a weekday ({@code TUESDAY}) or the n-th weekday ({@code 2 TUESDAY})
 * @param checklistItems items only this client has (may be empty)
 */
public record NewClient(
    @NotNull @Slug String slug,
    @NotBlank @Size(max = Texts.NAME_MAX) @PlainText String name,
    @Size(max = Texts.NAME_MAX) @PlainText String contact,
    @Size(max = 400) @PlainText String siteAddress,
    @Size(max = 64) @PlainText String technician,
    @Size(max = 32) @PlainText String visitPreference,
    @NotNull @Size(max = 200) List<@NotNull @Valid NewDevice> devices,
    @Size(max = 500) List<@NotNull @Valid RevisionItem> checklistItems) {

  /** A device of a new client; {@code kind} is server, storage, printer, network or workstation. */
  public record NewDevice(
      @NotBlank @Size(max = 100) @PlainText String name,
      @NotBlank @Size(max = 32) @PlainText String kind) {}

  public NewClient {
    devices = devices == null ? null : List.copyOf(devices);
    checklistItems = checklistItems == null ? List.of() : List.copyOf(checklistItems);
  }
}
