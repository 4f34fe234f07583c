package org.mmccycle.onboarding;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mmccycle.web.ConflictException;
import org.mmccycle.checklist.ChecklistRevision;
import org.mmccycle.checklist.ChecklistRevisions;
import org.mmccycle.client.ClientRepository;
import org.mmccycle.client.ContractClient;
import org.mmccycle.client.Device;
import org.mmccycle.client.DeviceKind;
import org.mmccycle.client.Technicians;
import org.mmccycle.schedule.VisitPreference;
import org.mmccycle.validation.Texts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Onboards a contract client: the client, its devices and its checklist's first revision (from
 * the template, published, in force from its first month), all or nothing. The same checks for
 * the API, the onboarding process and the CSV import.
 */
@Service
public class ClientOnboarding {

  /** What onboarding made. */
  public record Onboarded(ContractClient client, ChecklistRevision firstRevision) {}

  private final ClientRepository clients;
  private final ChecklistRevisions revisions;
  private final Technicians technicians;
  private final Clock clock;

  public ClientOnboarding(ClientRepository clients, ChecklistRevisions revisions, Technicians technicians, Clock clock) {
    this.clock = clock;
    this.clients = clients;
    this.revisions = revisions;
    this.technicians = technicians;
  }

  /**
   * @throws IllegalArgumentException naming the field that is wrong
   * @throws ConflictException when the slug is taken
   */
  @Transactional
  public Onboarded onboard(NewClient request, String author, YearMonth startMonth) {
    ContractClient client = validate(request);
    try {
      clients.insert(client);
    } catch (DuplicateKeyException e) {
      throw new ConflictException("a client with the slug '" + client.slug() + "' already exists");
    }
    String preference = Texts.requireText("visitPreference", request.visitPreference(), 32, false, false);
    if (preference != null) {
      clients.setVisitPreference(client.slug(), preference);
    }
    ChecklistRevision first = revisions.createFirstRevision(client, request.checklistItems(), startMonth, author, clock.instant());
    return new Onboarded(client, first);
  }

  /**
   * Checks the request without writing or joining a transaction (so that a caller inside the
   * engine's transaction can refuse bad input without marking it rollback-only).
   *
   * @throws IllegalArgumentException naming the field that is wrong
   * @throws ConflictException when the slug is taken
   */
  public ContractClient validate(NewClient request) {
    ContractClient client = check(request);
    requireTechnician(client);
    if (clients.exists(client.slug())) {
      throw new ConflictException("a client with the slug '" + client.slug() + "' already exists");
    }
    return client;
  }

  /** The client's technician, when it names one, is a user who does visits. */
  void requireTechnician(ContractClient client) {
    String problem = client.technician() == null ? null : technicians.problem(client.technician());
    if (problem != null) {
      throw new IllegalArgumentException("technician: " + problem);
    }
  }

  /** Checks every field (as the API's Bean Validation does) and returns the client to store. */
  public static ContractClient check(NewClient request) {
    if (request == null) {
      throw new IllegalArgumentException("the client is missing");
    }
    String slug = Texts.requireSlug("slug", request.slug());
    String name = Texts.requireText("name", request.name(), Texts.NAME_MAX, true, false);
    String contact = Texts.requireText("contact", request.contact(), Texts.NAME_MAX, false, false);
    String address = Texts.requireText("siteAddress", request.siteAddress(), 400, false, false);
    String technician = Texts.requireText("technician", request.technician(), 64, false, false);
    String preference = Texts.requireText("visitPreference", request.visitPreference(), 32, false, false);
    VisitPreference.parse(preference);
    if (request.devices() == null) {
      throw new IllegalArgumentException("devices must be given (an empty list for a client with no devices)");
    }
    List<Device> devices = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < request.devices().size(); i++) {
      NewClient.NewDevice device = request.devices().get(i);
      String where = "devices[" + i + "]";
      if (device == null) {
        throw new IllegalArgumentException(where + " is empty");
      }
      String deviceName = Texts.requireText(where + ".name", device.name(), 100, true, false);
      if (!names.add(deviceName)) {
        throw new IllegalArgumentException(where + ".name: the device '" + deviceName + "' is listed twice");
      }
      DeviceKind kind;
      try {
        kind = DeviceKind.parse(device.kind());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ".kind: " + e.getMessage());
      }
      devices.add(new Device(deviceName, kind));
    }
    return new ContractClient(slug, name, contact, address, technician, true, devices);
  }

  /**
   * Devices written one a line as {@code NAME;kind} (the onboarding start form); blank lines are
   * skipped.
   *
   * @throws IllegalArgumentException naming the line
   */
  public static List<NewClient.NewDevice> parseDeviceLines(String text) {
    List<NewClient.NewDevice> devices = new ArrayList<>();
    if (text == null) {
      return devices;
    }
    String[] lines = text.split("\\r?\\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty()) {
        continue;
      }
      int semicolon = line.lastIndexOf(';');
      if (semicolon <= 0 || semicolon == line.length() - 1) {
        throw new IllegalArgumentException("devices line " + (i + 1) + " '" + line + "' is not NAME;kind (like SRV01;server)");
      }
      devices.add(new NewClient.NewDevice(line.substring(0, semicolon).trim(), line.substring(semicolon + 1).trim()));
    }
    return devices;
  }
}
