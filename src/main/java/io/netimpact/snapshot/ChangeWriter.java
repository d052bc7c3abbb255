package io.netimpact.snapshot;

import io.netimpact.input.ChangeReader;
import io.netimpact.input.Json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import java.nio.charset.StandardCharsets;

/**
 * Writes a change request in the format {@link ChangeReader} reads (docs/inputs.md#change-request),
 * for
 * the changes the job itself makes: the augmentation plan's {@code add_member} ops. O(ops).
 */
public final class ChangeWriter {
  private ChangeWriter() {}

  /**
   * The change as a pretty-printed JSON document, UTF-8.
   *
   * @throws IllegalArgumentException for an op this writer does not write (only
   *     {@code add_member} so far)
   */
  public static byte[] bytes(Change change) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("id", change.id());
    root.put("title", change.title());
    ArrayNode ops = root.putArray("ops");
    for (ChangeOp op : change.ops()) {
      if (!(op instanceof ChangeOp.AddMember o)) {
        throw new IllegalArgumentException("cannot write op " + op.opName());
      }
      ObjectNode n = ops.addObject();
      n.put("op", o.opName());
      n.put("link", o.link());
      ObjectNode m = n.putObject("member");
      m.put("id", o.member().id());
      m.put("capacity_gbps", o.member().capacityGbps());
      m.put("up", o.member().up());
    }
    try {
      return (Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write change " + change.id(), e);
    }
  }
}
