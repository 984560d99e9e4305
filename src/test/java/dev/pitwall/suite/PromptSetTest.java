package dev.pitwall.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inline prompts, JSONL files and templates, several sets per suite. */
class PromptSetTest {
  @TempDir Path dir;

  private SuiteFiles files() {
    return new SuiteFiles(dir);
  }

  @Test
  void severalPromptSetsCombineInDeclarationOrder() throws Exception {
    SuiteFiles f = files();
    f.write(
        "sets/q.jsonl",
        """
        {"id": "q1", "prompt": "First?"}

        {"id": "q2", "system": "Be brief.", "messages": [{"role": "user", "content": "Second?"}]}
        """);
    Suite s =
        f.load(
            """
            suite: t
            prompts:
              - {id: inline, prompt: Inline}
              - file: sets/q.jsonl
              - id: explain
                system: Answer in {{style}}.
                template: Explain {{topic}}
                vars: {topic: [Raft, Paxos], style: [prose, bullets]}
              - A bare string
            models: [openai/gpt-4o]
            """);
    assertThat(s.prompts())
        .extracting(Prompt::id)
        .containsExactly(
            "inline",
            "q1",
            "q2",
            "explain-raft-prose",
            "explain-raft-bullets",
            "explain-paxos-prose",
            "explain-paxos-bullets",
            "p4");
    assertThat(s.prompts().get(2).messages())
        .containsExactly(new Message("system", "Be brief."), new Message("user", "Second?"));
    assertThat(s.prompts().get(4).messages())
        .containsExactly(
            new Message("system", "Answer in bullets."), new Message("user", "Explain Raft"));
  }

  @Test
  void aBrokenJsonlLineIsLocatedInThePromptFile() {
    SuiteFiles f = files();
    Path jsonl =
        f.write(
            "q.jsonl",
            "{\"id\": \"q1\", \"prompt\": \"ok\"}\n{\"id\": \"q2\", \"prompt\": }\n{\"id\": \"q3\", \"promt\": \"x\"}\n");
    List<SuiteProblem> problems =
        f.problems(
            SuiteFiles.HEAD.replace(
                    "  - {id: cap, prompt: Explain the CAP theorem}\n", "  - file: q.jsonl\n")
                + "models: [openai/gpt-4o]\n");
    assertThat(problems).extracting(SuiteProblem::file).containsOnly(jsonl.toString());
    assertThat(problems.get(0).line()).isEqualTo(2);
    assertThat(problems.get(0).column()).isEqualTo(24);
    assertThat(problems.get(0).message()).startsWith("not valid JSON: Unexpected character ('}'");
    assertThat(problems.get(1).line()).isEqualTo(3);
    assertThat(problems.get(1).message()).isEqualTo("unknown field 'promt' in a prompt line");
    assertThat(problems.get(1).hint()).isEqualTo("did you mean 'prompt'?");
  }

  @Test
  void templateVariablesMustMatchThePlaceholders() {
    List<SuiteProblem> problems =
        files()
            .problems(
                """
                suite: t
                prompts:
                  - id: e
                    template: Explain {{topik}}
                    vars: {topic: [Raft]}
                models: [openai/gpt-4o]
                """);
    assertThat(problems)
        .extracting(SuiteProblem::line, SuiteProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                4, "the template uses {{topik}} but vars has no 'topik'"),
            org.assertj.core.groups.Tuple.tuple(5, "variable 'topic' is not used by the template"));
    assertThat(problems.get(0).hint()).startsWith("did you mean 'topic'?");
  }

  @Test
  void promptIdsMustBeUniqueAcrossSets() {
    List<SuiteProblem> problems =
        files()
            .problems(
                """
                suite: t
                prompts:
                  - {id: a, prompt: One}
                  - {id: a, prompt: Two}
                models: [openai/gpt-4o]
                """);
    assertThat(problems.get(0).message()).isEqualTo("duplicate prompt id 'a'");
    assertThat(problems.get(0).line()).isEqualTo(4);
  }

  @Test
  void messagesNeedAKnownRoleAndContent() {
    List<SuiteProblem> problems =
        files()
            .problems(
                """
                suite: t
                prompts:
                  - id: a
                    messages:
                      - {role: usr, content: Hi}
                      - {role: user}
                models: [openai/gpt-4o]
                """);
    assertThat(problems)
        .extracting(SuiteProblem::message)
        .containsExactly(
            "role must be one of system, developer, user, assistant, not 'usr'",
            "a message needs 'content'");
    assertThat(problems.get(0).hint()).isEqualTo("did you mean 'user'?");
  }
}
