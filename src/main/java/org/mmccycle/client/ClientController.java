package org.mmccycle.client;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.mmccycle.web.NotFoundException;
import org.mmccycle.security.CurrentUser;
import org.mmccycle.security.MmcGroups;
import org.mmccycle.validation.Slug;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Clients and their devices: every MMC group reads; service managers offboard (active=false: no
 * new cycles, history kept) and take clients back. Creating clients is in
 * {@link org.mmccycle.onboarding.OnboardingController}.
 */
@RestController
@RequestMapping("/api/clients")
public class ClientController {

  /** PATCH body: only {@code active} can be changed. */
  public record ClientPatch(@NotNull Boolean active) {}

  private final ClientRepository clients;
  private final CurrentUser currentUser;

  public ClientController(ClientRepository clients, CurrentUser currentUser) {
    this.clients = clients;
    this.currentUser = currentUser;
  }

  @GetMapping
  public List<ClientView> list() {
    readers();
    Map<String, String> preferences = clients.visitPreferences();
    return clients.list().stream().map(c -> ClientView.of(c, preferences.get(c.slug()))).toList();
  }

  @GetMapping("/{slug}")
  public ClientView get(@PathVariable @Slug String slug) {
    readers();
    return ClientView.of(find(slug), clients.visitPreference(slug).orElse(null));
  }

  @GetMapping("/{slug}/devices")
  public List<Device> devices(@PathVariable @Slug String slug) {
    readers();
    return find(slug).devices();
  }

  @PatchMapping("/{slug}")
  public ClientView patch(@PathVariable @Slug String slug, @Valid @RequestBody ClientPatch patch) {
    currentUser.requireAnyGroup(MmcGroups.SERVICE_MANAGERS);
    if (!clients.setActive(slug, patch.active())) {
      throw new NotFoundException("there is no client '" + slug + "'");
    }
    return get(slug);
  }

  private ContractClient find(String slug) {
    return clients.find(slug).orElseThrow(() -> new NotFoundException("there is no client '" + slug + "'"));
  }

  private void readers() {
    currentUser.requireAnyGroup(MmcGroups.ALL.toArray(String[]::new));
  }
}
