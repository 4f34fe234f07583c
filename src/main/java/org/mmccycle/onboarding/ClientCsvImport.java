package org.mmccycle.onboarding;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mmccycle.web.ConflictException;
import org.mmccycle.client.ClientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports clients and devices exported from a PSA tool as CSV, one row per device:
 * {@code client_slug,client_name,contact,site_address,technician,device_name,device_kind}.
 * The whole file is checked first; any bad row rejects the file with every problem and its line
 * number, and nothing is stored. A good file is stored in one transaction.
 */
@Service
public class ClientCsvImport {

  public static final List<String> HEADER =
      List.of("client_slug", "client_name", "contact", "site_address", "technician", "device_name", "device_kind");
  static final int MAX_ROWS = 10_000;

  /** What an import stored. */
  public record Imported(int clients, int devices, List<String> slugs) {}

  private record Row(int line, List<String> cells) {
    String cell(int column) {
      return cells.get(column).trim();
    }
  }

  private final ClientOnboarding onboarding;
  private final ClientRepository clients;

  public ClientCsvImport(ClientOnboarding onboarding, ClientRepository clients) {
    this.onboarding = onboarding;
    this.clients = clients;
  }

  /** @throws ImportRejectedException listing each bad line; then nothing is stored */
  @Transactional(rollbackFor = Exception.class)
  public Imported importCsv(String csv, String author, YearMonth startMonth) {
    List<String> problems = new ArrayList<>();
    List<Row> rows = parse(csv == null ? "" : csv.replace("\uFEFF", ""), problems);
    if (!problems.isEmpty()) {
      throw new ImportRejectedException(problems);
    }
    if (rows.isEmpty()) {
      throw new ImportRejectedException(List.of("line 1: the file is empty (expected the header " + String.join(",", HEADER) + ")"));
    }
    List<String> header = rows.get(0).cells().stream().map(c -> c.trim().toLowerCase()).toList();
    if (!header.equals(HEADER)) {
      throw new ImportRejectedException(List.of("line 1: the header is " + String.join(",", header) + ", expected " + String.join(",", HEADER)));
    }
    if (rows.size() - 1 > MAX_ROWS) {
      throw new ImportRejectedException(List.of("the file has " + (rows.size() - 1) + " rows; at most " + MAX_ROWS + " are imported at once"));
    }
    Map<String, NewClient> byslug = new LinkedHashMap<>();
    Map<String, Integer> firstLine = new LinkedHashMap<>();
    for (Row row : rows.subList(1, rows.size())) {
      if (row.cells().size() == 1 && row.cell(0).isEmpty()) {
        continue; // blank line
      }
      if (row.cells().size() != HEADER.size()) {
        problems.add("line " + row.line() + ": " + row.cells().size() + " fields, expected " + HEADER.size());
        continue;
      }
      String slug = row.cell(0);
      var device = new NewClient.NewDevice(row.cell(5), row.cell(6));
      NewClient known = byslug.get(slug);
      NewClient client = known == null
          ? new NewClient(slug, row.cell(1), blankToNull(row.cell(2)), blankToNull(row.cell(3)), blankToNull(row.cell(4)), null,
              List.of(device), List.of())
          : new NewClient(known.slug(), known.name(), known.contact(), known.siteAddress(), known.technician(), null,
              append(known.devices(), device), List.of());
      try {
        if (known != null && !(Objects.equals(known.name(), row.cell(1)) && Objects.equals(known.contact(), blankToNull(row.cell(2)))
            && Objects.equals(known.siteAddress(), blankToNull(row.cell(3))) && Objects.equals(known.technician(), blankToNull(row.cell(4))))) {
          throw new IllegalArgumentException("the client '" + slug + "' has other name, contact, address or technician than on line "
              + firstLine.get(slug));
        }
        onboarding.requireTechnician(ClientOnboarding.check(client));
        if (known == null && clients.exists(slug)) {
          throw new IllegalArgumentException("a client with the slug '" + slug + "' already exists");
        }
      } catch (IllegalArgumentException e) {
        problems.add("line " + row.line() + ": " + e.getMessage());
        continue;
      }
      byslug.put(slug, client);
      firstLine.putIfAbsent(slug, row.line());
    }
    if (!problems.isEmpty()) {
      throw new ImportRejectedException(problems);
    }
    int devices = 0;
    for (NewClient client : byslug.values()) {
      try {
        onboarding.onboard(client, author, startMonth);
      } catch (IllegalArgumentException | ConflictException e) {
        throw new ImportRejectedException(List.of("line " + firstLine.get(client.slug()) + ": " + e.getMessage()));
      }
      devices += client.devices().size();
    }
    return new Imported(byslug.size(), devices, List.copyOf(byslug.keySet()));
  }

  private static List<NewClient.NewDevice> append(List<NewClient.NewDevice> devices, NewClient.NewDevice device) {
    List<NewClient.NewDevice> all = new ArrayList<>(devices);
    all.add(device);
    return all;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** RFC 4180: commas, double quotes around fields with commas, quotes ("") or line breaks. */
  static List<Row> parse(String csv, List<String> problems) {
    List<Row> rows = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int line = 1;
    int rowLine = 1;
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      any = true;
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append(c);
        }
      } else if (c == '"' && cell.toString().isBlank()) {
        cell.setLength(0);
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        continue;
      } else if (c == '\n') {
        cells.add(cell.toString());
        rows.add(new Row(rowLine, List.copyOf(cells)));
        cells.clear();
        cell.setLength(0);
        line++;
        rowLine = line;
        any = false;
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      problems.add("line " + rowLine + ": a quoted field is not closed");
    }
    if (any) {
      cells.add(cell.toString());
      rows.add(new Row(rowLine, List.copyOf(cells)));
    }
    return rows;
  }
}
