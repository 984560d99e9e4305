package dev.pitwall.client.internal;

/** How a call with {@code json_mode} asks for JSON, decided per model by {@code JsonModePolicy}. */
public enum JsonMode {
  /** {@code response_format: {type: json_object}}. */
  RESPONSE_FORMAT,
  /** A system message asking for JSON only, for models without a JSON mode. */
  SYSTEM_INSTRUCTION
}
