package dev.pitwall.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schedulers' files parse and carry what their engines require (checked offline, key by key),
 * and the nightly script turns run and compare exit codes into the night's verdict.
 */
class DeployFilesTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static JsonNode yaml(String path) throws Exception {
    return YAML.readTree(Path.of(path).toFile());
  }

  static void steps(JsonNode job, String name) {
    assertThat(job.path("runs-on").asText()).as("%s runs-on", name).isNotBlank();
    assertThat(job.path("steps").isArray()).as("%s steps", name).isTrue();
    for (JsonNode step : job.path("steps")) {
      assertThat(step.has("uses") ^ step.has("run"))
          .as("%s: each step has exactly one of uses/run: %s", name, step)
          .isTrue();
    }
  }

  @Test
  void theNightlyWorkflowIsScheduledKeepsHistoryAndUploadsResults() throws Exception {
    JsonNode wf = yaml(".github/workflows/nightly.yml");
    assertThat(wf.path("on").path("schedule").get(0).path("cron").asText())
        .matches("\\S+ \\S+ \\S+ \\S+ \\S+");
    JsonNode job = wf.path("jobs").path("nightly");
    steps(job, "nightly");
    String uses = job.path("steps").findValuesAsText("uses").toString();
    assertThat(uses)
        .contains(
            "actions/cache/restore@v4", "actions/cache/save@v4", "actions/upload-artifact@v4");
    assertThat(job.path("steps").findValuesAsText("run").toString()).contains("scripts/nightly.sh");
  }

  @Test
  void theShardedWorkflowRunsAMatrixThenMerges() throws Exception {
    JsonNode wf = yaml(".github/workflows/sharded.yml");
    JsonNode shard = wf.path("jobs").path("shard");
    steps(shard, "shard");
    List<Integer> matrix = new ArrayList<>();
    shard.path("strategy").path("matrix").path("shard").forEach(n -> matrix.add(n.asInt()));
    assertThat(matrix).containsExactly(1, 2, 3, 4);
    assertThat(wf.path("env").path("SHARDS").asInt()).isEqualTo(matrix.size());
    JsonNode merge = wf.path("jobs").path("merge");
    steps(merge, "merge");
    assertThat(merge.path("needs").asText()).isEqualTo("shard");
    assertThat(merge.path("steps").findValuesAsText("run").toString())
        .contains("merge shards", "compare");
  }

  static void podSpec(JsonNode spec, String name) {
    assertThat(spec.path("restartPolicy").asText()).as(name).isIn("Never", "OnFailure");
    assertThat(spec.path("securityContext").path("runAsNonRoot").asBoolean()).as(name).isTrue();
    JsonNode containers = spec.path("containers");
    assertThat(containers.size()).as(name).isPositive();
    for (JsonNode c : containers) {
      assertThat(c.path("name").asText()).isNotBlank();
      assertThat(c.path("image").asText()).isNotBlank();
      for (JsonNode mount : c.path("volumeMounts")) {
        String volume = mount.path("name").asText();
        assertThat(spec.path("volumes").findValuesAsText("name")).as(name).contains(volume);
      }
    }
  }

  static void object(JsonNode doc, String apiVersion, String kind) {
    assertThat(doc.path("apiVersion").asText()).isEqualTo(apiVersion);
    assertThat(doc.path("kind").asText()).isEqualTo(kind);
    assertThat(doc.path("metadata").path("name").asText()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  }

  @Test
  void theKubernetesManifestsHaveWhatTheirKindsRequire() throws Exception {
    JsonNode cron = yaml("deploy/k8s/cronjob.yaml");
    object(cron, "batch/v1", "CronJob");
    assertThat(cron.path("spec").path("schedule").asText()).matches("\\S+ \\S+ \\S+ \\S+ \\S+");
    podSpec(
        cron.path("spec").path("jobTemplate").path("spec").path("template").path("spec"), "cron");

    JsonNode shards = yaml("deploy/k8s/sharded-job.yaml");
    object(shards, "batch/v1", "Job");
    JsonNode spec = shards.path("spec");
    assertThat(spec.path("completionMode").asText()).isEqualTo("Indexed");
    assertThat(spec.path("completions").asInt()).isEqualTo(spec.path("parallelism").asInt());
    JsonNode pod = spec.path("template").path("spec");
    podSpec(pod, "shards");
    JsonNode env = pod.path("containers").get(0).path("env");
    assertThat(env.findValuesAsText("name")).contains("SHARDS");
    for (JsonNode e : env) {
      if (e.path("name").asText().equals("SHARDS")) {
        assertThat(e.path("value").asInt()).isEqualTo(spec.path("completions").asInt());
      }
    }
    assertThat(pod.path("containers").get(0).path("args").get(0).asText())
        .contains("JOB_COMPLETION_INDEX + 1", "--shard \"$i/$SHARDS\"");

    JsonNode merge = yaml("deploy/k8s/merge-job.yaml");
    object(merge, "batch/v1", "Job");
    podSpec(merge.path("spec").path("template").path("spec"), "merge");

    JsonNode pvc = yaml("deploy/k8s/pvc.yaml");
    object(pvc, "v1", "PersistentVolumeClaim");
    assertThat(pvc.path("metadata").path("name").asText())
        .isEqualTo(
            cron.path("spec")
                .path("jobTemplate")
                .path("spec")
                .path("template")
                .path("spec")
                .path("volumes")
                .get(0)
                .path("persistentVolumeClaim")
                .path("claimName")
                .asText());
  }

  @Test
  void theDockerfileBuildsInOneStageAndRunsAsNonRootWithFonts() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("Dockerfile"));
    assertThat(lines.stream().filter(l -> l.startsWith("FROM ")).count()).isEqualTo(2);
    assertThat(String.join("\n", lines))
        .contains("AS build", "COPY --from=build", "fontconfig fonts-dejavu-core", "USER 10001");
  }

  @Test
  void theCrontabLineHasFiveFieldsAndRunsTheScript() throws Exception {
    String job =
        Files.readAllLines(Path.of("deploy/crontab.example")).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.matches("^[A-Z_]+=.*"))
            .findFirst()
            .orElseThrow();
    assertThat(job.split("\\s+")).hasSizeGreaterThan(5);
    assertThat(job).contains("scripts/nightly.sh");
  }

  record Night(int exit, String calls) {}

  /** Runs scripts/nightly.sh with a fake pitwall that answers run and compare with given codes. */
  static Night nightly(Path tmp, int runExit, int compareExit, String... suites) throws Exception {
    Path log = tmp.resolve("calls.log");
    Files.deleteIfExists(log);
    Path fake = tmp.resolve("fake-pitwall");
    Files.writeString(
        fake,
        "#!/usr/bin/env bash\n"
            + "echo \"$*\" >> '"
            + log
            + "'\n"
            + "case \"$1\" in run) exit "
            + runExit
            + ";; compare) exit "
            + compareExit
            + ";; esac\n",
        StandardCharsets.UTF_8);
    fake.toFile().setExecutable(true);
    List<String> command = new ArrayList<>(List.of("bash", "scripts/nightly.sh"));
    command.addAll(List.of(suites));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.remove("OPENROUTER_API_KEY");
    env.put("PITWALL", fake.toString());
    env.put("PITWALL_HOME", Path.of("").toAbsolutePath().toString());
    env.put("RESULTS", tmp.resolve("results").toString());
    Process p = pb.start();
    p.getInputStream().readAllBytes();
    int exit = p.waitFor();
    return new Night(exit, Files.exists(log) ? Files.readString(log) : "");
  }

  @Test
  void theNightlyScriptFailsOnARegressionOrARunFailureAndComparesEachSuite(@TempDir Path tmp)
      throws Exception {
    Night quiet = nightly(tmp, 0, 0, "a", "b");
    assertThat(quiet.exit()).isZero();
    assertThat(quiet.calls())
        .contains("run a --results " + tmp.resolve("results") + " --target simulator")
        .contains("compare " + tmp.resolve("results/a") + " --last 7 --confidence 0.99")
        .contains("--allow-no-baseline")
        .contains("compare " + tmp.resolve("results/b"));
    assertThat(nightly(tmp, 0, 1, "a").exit()).as("regression").isEqualTo(1);
    assertThat(nightly(tmp, 1, 0, "a").exit()).as("SLO failure").isEqualTo(1);
    Night unreachable = nightly(tmp, 3, 1, "a");
    assertThat(unreachable.exit()).as("target unreachable").isEqualTo(3);
    assertThat(unreachable.calls()).doesNotContain("compare");
  }
}
