package dev.pitwall.sim;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A model OpenRouter served once and serves no more. It stays in the catalog so that a suite that
 * names it hears why it is gone and what replaced it, rather than a spelling suggestion; the
 * simulator never lists or serves it, as OpenRouter does not.
 *
 * @param id {@code author/slug}
 * @param name display name it had
 * @param created Unix seconds, as /models reported it
 * @param retired the day it stopped being served (ISO date)
 * @param successor the author's suggested replacement, or null
 * @param note where the retirement is documented, or null
 */
public record RetiredModel(
    String id, String name, long created, String retired, String successor, String note) {

  public RetiredModel {
    if (id == null || !id.matches("[A-Za-z0-9._-]+/[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("model id must look like author/slug, not \"" + id + "\"");
    }
    name = name == null ? id : name;
    try {
      LocalDate.parse(String.valueOf(retired));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "retired must be a date like 2025-10-22, not \"" + retired + "\"");
    }
  }
}
