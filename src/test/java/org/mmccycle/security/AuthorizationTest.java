package org.mmccycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.mmccycle.MmcSpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Who may do what over /engine-rest and the web apps' API: analysts deploy (as Camunda Modeler does),
 * technicians do not and see only themselves among the users; the web apps keep CSRF protection.
 * (A technician opening a month is in {@link ApplicationSecurityTest}.)
 */
class AuthorizationTest extends MmcSpringBootTest {

  private static final String PASSWORD = "authz-s3cret";
  private static final String PROBE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          id="Definitions_AuthzProbe" targetNamespace="http://mmc-cycle.org/test">
        <bpmn:process id="Process_AuthzProbe" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="StartEvent_Probe" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;

  @Test
  void shouldForbidATechnicianToDeploy() {
    String technician = fixture.user("deploytech", MmcGroups.TECHNICIANS, PASSWORD);
    long deployments = repositoryService.createDeploymentQuery().count();

    ResponseEntity<String> response = deploy(technician);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void shouldLetAnAnalystDeployAsCamundaModelerDoes() throws Exception {
    String analyst = fixture.user("deployanalyst", MmcGroups.ANALYSTS, PASSWORD);

    ResponseEntity<String> response = deploy(analyst);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    String id = new ObjectMapper().readTree(response.getBody()).get("id").asText();
    assertThat(repositoryService.createProcessDefinitionQuery().deploymentId(id).singleResult().getKey()).isEqualTo("Process_AuthzProbe");
    repositoryService.deleteDeployment(id, true);
  }

  @Test
  void shouldShowATechnicianOnlyThemselvesInTheUserList() throws Exception {
    String technician = fixture.user("listtech", MmcGroups.TECHNICIANS, PASSWORD);
    fixture.user("othertech", MmcGroups.TECHNICIANS, PASSWORD);

    ResponseEntity<String> response = rest.withBasicAuth(technician, PASSWORD).getForEntity("/engine-rest/user", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode users = new ObjectMapper().readTree(response.getBody());
    assertThat(users).extracting(user -> user.get("id").asText()).containsExactly(technician);
    assertThat(identityService.createUserQuery().count()).as("users there are").isGreaterThan(1);
    assertThat(rest.withBasicAuth(technician, PASSWORD).getForEntity("/engine-rest/group/" + MmcGroups.SERVICE_MANAGERS, String.class)
        .getStatusCode().is2xxSuccessful()).as("reading another group").isFalse();
  }

  @Test
  void shouldRefuseAWebAppPostWithoutTheCsrfToken() {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);

    // a login from a page of another site: the web apps want the token their own pages hand out
    ResponseEntity<String> response = rest.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
        new HttpEntity<>("username=nobody&password=nothing", headers), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");
  }

  private ResponseEntity<String> deploy(String user) {
    var form = new LinkedMultiValueMap<String, Object>();
    form.add("deployment-name", "authz-probe");
    form.add("deployment-source", "Camunda Modeler");
    form.add("probe.bpmn", new ByteArrayResource(PROBE.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "probe.bpmn";
      }
    });
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, PASSWORD).postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
  }
}
