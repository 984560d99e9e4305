package dev.pitwall.client;

/** OpenRouter-shaped SSE events for tests (the stream docs/simulator.md describes). */
final class Chunks {
  private Chunks() {}

  static final String ID = "gen-123";

  private static String head() {
    return "{\"id\":\""
        + ID
        + "\",\"provider\":\"Fireworks\",\"model\":\"meta/llama-3\",\"object\":\"chat.completion.chunk\",\"created\":1,";
  }

  static String event(String json) {
    return "data: " + json + "\n\n";
  }

  static String role() {
    return event(
        head()
            + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}");
  }

  static String content(String text) {
    return event(
        head()
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
            + text
            + "\"},\"finish_reason\":null}]}");
  }

  static String reasoning(String text) {
    return event(
        head()
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\",\"reasoning\":\""
            + text
            + "\"},\"finish_reason\":null}]}");
  }

  static String toolArgs(String args) {
    return event(
        head()
            + "\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\""
            + args
            + "\"}}]},\"finish_reason\":null}]}");
  }

  static String finish() {
    return event(
        head()
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":\"stop\",\"native_finish_reason\":\"stop\"}]}");
  }

  static String usage(int prompt, int completion, String cost) {
    return event(
        head()
            + "\"choices\":[],\"usage\":{\"prompt_tokens\":"
            + prompt
            + ",\"completion_tokens\":"
            + completion
            + ",\"total_tokens\":"
            + (prompt + completion)
            + ",\"cost\":"
            + cost
            + ",\"is_byok\":false,\"prompt_tokens_details\":{\"cached_tokens\":2},"
            + "\"completion_tokens_details\":{\"reasoning_tokens\":1}}}");
  }

  /** The older usage shape: one choice with an empty delta. */
  static String usageOldShape(int prompt, int completion) {
    return event(
        head()
            + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":null}],\"usage\":{\"prompt_tokens\":"
            + prompt
            + ",\"completion_tokens\":"
            + completion
            + "}}");
  }

  static String error(int code, String message) {
    return event(
        head()
            + "\"error\":{\"code\":"
            + code
            + ",\"message\":\""
            + message
            + "\",\"metadata\":{\"error_type\":\"provider\"}},"
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":\"error\"}]}");
  }

  static String done() {
    return "data: [DONE]\n\n";
  }

  static String comment() {
    return ": OPENROUTER PROCESSING\n\n";
  }

  static String nonStream(String content, String cost) {
    return "{\"id\":\""
        + ID
        + "\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"meta/llama-3\",\"provider\":\"Fireworks\","
        + "\"system_fingerprint\":null,\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
        + content
        + "\"},\"finish_reason\":\"stop\",\"native_finish_reason\":\"stop\",\"logprobs\":null}],"
        + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":3,\"total_tokens\":13,\"cost\":"
        + cost
        + "}}";
  }
}
