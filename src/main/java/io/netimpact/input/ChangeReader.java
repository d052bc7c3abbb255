package io.netimpact.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Member;
import io.netimpact.routing.InvalidOpException;
import io.netimpact.routing.Network;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.routing.UnknownElementException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Reads change requests (docs/inputs.md#change-request) from JSON, locating problems as
 * {@code FILE, ops[i], field F}.
 */
public final class ChangeReader {
  private ChangeReader() {}

  /** Reads one change request file, local or on any Hadoop file system. */
  public static Change read(String file, Configuration hadoop) {
    return parse(file, readTree(file, hadoop), "");
  }

  /**
   * A change request and the snapshot it is pinned to: its optional {@code "snapshot_id"}, the
   * snapshot the change was written against (the review service answers it on that snapshot
   * only).
   */
  public record Pinned(Change change, java.util.Optional<String> snapshotId) {}

  /** Reads one change request file with its pin, if it has one. */
  public static Pinned readPinned(String file, Configuration hadoop) {
    JsonNode node = readTree(file, hadoop);
    Change change = parse(file, node, "");
    try {
      return new Pinned(change, Fields.of(node, "a change request")
          .optionalNonEmptyString("snapshot_id"));
    } catch (FieldException e) {
      throw new BadInputException(new InputProblem(file, "", e.field(), e.getMessage()));
    }
  }

  /** Reads a whole JSON document (at most 64 MiB). */
  static JsonNode readTree(String file, Configuration hadoop) {
    Path p = new Path(file);
    try (InputStream in = InputFiles.open(hadoop, p)) {
      byte[] bytes = in.readNBytes(64 << 20);
      if (in.read() >= 0) {
        throw new BadInputException(new InputProblem(file, "", "", "larger than 64 MiB"));
      }
      return Json.MAPPER.readTree(bytes);
    } catch (FileNotFoundException e) {
      throw new BadInputException(new InputProblem(file, "", "",
          InputFiles.notFound(hadoop, p)));
    } catch (JsonProcessingException e) {
      throw new BadInputException(Json.problem(file, Json.line(e), e));
    } catch (IOException e) {
      throw new BadInputException(new InputProblem(file, "", "", "cannot read: " + e));
    }
  }

  /**
   * Parses a change object; {@code where} prefixes locations when the change sits inside a
   * larger document (a sweep's {@code changes[2]}).
   */
  static Change parse(String file, JsonNode node, String where) {
    String loc = where;
    try {
      Fields f = Fields.of(node, "a change request");
      if (where.isEmpty() && !node.has("ops")
          && (node.has("generators") || node.has("changes"))) {
        throw new FieldException("ops", "missing, and the file has \"changes\" or "
            + "\"generators\": it looks like a sweep file; run it with "
            + "`netimpact sweep --sweep " + file + "`");
      }
      String id = f.requiredString("id");
      String title = f.optionalString("title");
      List<Fields> opNodes = f.objects("ops");
      if (opNodes.isEmpty()) {
        throw new FieldException("ops", "must list at least one op");
      }
      List<ChangeOp> ops = new ArrayList<>();
      for (int i = 0; i < opNodes.size(); i++) {
        loc = (where.isEmpty() ? "" : where + ".") + "ops[" + i + "]";
        ops.add(op(new Fields(node.get("ops").get(i), "")));
      }
      return new Change(id, title, ops);
    } catch (FieldException e) {
      throw new BadInputException(new InputProblem(file, loc, e.field(), e.getMessage()));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(new InputProblem(file, loc, "", e.getMessage()));
    }
  }

  /** "ops[2].link.id: message", as the scenario mask words a problem of one op. */
  private static final Pattern OP_PROBLEM =
      Pattern.compile("ops\\[(\\d+)\\]\\.([A-Za-z0-9_.\\[\\]]+): (.*)", Pattern.DOTALL);

  /**
   * The mask of a change read from {@code file} (at {@code where}, "" or "changes[2]") over the
   * network it was checked against ({@link ScenarioMask#checked}), with what the mask refuses
   * (an unknown element, an added link or member whose id exists, a result that overflows)
   * turned into bad input located like every other problem of the file: {@code FILE, ops[i],
   * field F: message}. Built once; the mask is what the evaluation then uses.
   */
  public static ScenarioMask mask(Network before, Change change, String file, String where) {
    return located(file, where, () -> ScenarioMask.checked(before, change));
  }

  /**
   * Runs {@code body}, which reads a change against the snapshot (its network mask, or its TE
   * ops), turning an unknown element or an invalid op into bad input located at the op.
   */
  public static <T> T located(String file, String where,
      java.util.function.Supplier<T> body) {
    String prefix = where.isEmpty() ? "" : where + ".";
    try {
      return body.get();
    } catch (UnknownElementException e) {
      throw new BadInputException(new InputProblem(file, prefix + "ops[" + e.opIndex() + "]",
          e.field(), e.getMessage().substring(e.getMessage().indexOf(": ") + 2)));
    } catch (InvalidOpException e) {
      throw new BadInputException(new InputProblem(file, prefix + "ops[" + e.opIndex() + "]",
          e.field(), e.reason()));
    } catch (IllegalArgumentException e) {
      Matcher m = OP_PROBLEM.matcher(String.valueOf(e.getMessage()));
      if (m.matches()) {
        throw new BadInputException(new InputProblem(file, prefix + "ops[" + m.group(1) + "]",
            m.group(2), m.group(3)));
      }
      throw new BadInputException(new InputProblem(file, where, "", e.getMessage()));
    }
  }

  /**
   * One op object, read in full: a field the op does not take (a misspelt optional field, which
   * would widen the op) is refused, in the op and in the objects it holds.
   */
  static ChangeOp op(Fields f) {
    ChangeOp op = opFields(f);
    f.refuseUnknown();
    return op;
  }

  private static ChangeOp opFields(Fields f) {
    String op = f.requiredString("op");
    return switch (op) {
      case "drain_device" -> new ChangeOp.SetDrained(f.requiredString("device"), true);
      case "undrain_device" -> new ChangeOp.SetDrained(f.requiredString("device"), false);
      case "remove_device" -> new ChangeOp.RemoveDevice(f.requiredString("device"));
      case "link_down" -> new ChangeOp.SetLinkUp(f.requiredString("link"), false);
      case "link_up" -> new ChangeOp.SetLinkUp(f.requiredString("link"), true);
      case "member_down" -> new ChangeOp.SetMemberUp(f.requiredString("link"),
          f.requiredString("member"), false);
      case "member_up" -> new ChangeOp.SetMemberUp(f.requiredString("link"),
          f.requiredString("member"), true);
      case "set_metric" -> {
        String dir = f.has("direction") ? f.requiredString("direction") : "both";
        ChangeOp.Direction d;
        try {
          d = ChangeOp.Direction.parse(dir);
        } catch (IllegalArgumentException e) {
          throw new FieldException("direction", e.getMessage());
        }
        yield new ChangeOp.SetMetric(f.requiredString("link"), f.positiveInt("metric"), d);
      }
      case "set_capacity" -> new ChangeOp.SetCapacity(f.requiredString("link"),
          f.requiredString("member"), f.capacity("capacity_gbps"));
      case "add_link" -> {
        JsonNode link = f.raw("link");
        if (link == null) {
          throw new FieldException("link", "missing required field (a full link object)");
        }
        try {
          Fields lf = Fields.of(link, "a link");
          ChangeOp.AddLink added = new ChangeOp.AddLink(SnapshotRecords.link(lf));
          lf.refuseUnknown();
          yield added;
        } catch (FieldException e) {
          throw new FieldException("link." + e.field(), e.getMessage());
        }
      }
      case "add_member" -> {
        JsonNode m = f.raw("member");
        if (m == null || !m.isObject()) {
          throw new FieldException("member", m == null ? "missing required field (a member "
              + "object: id, capacity_gbps, up)" : "must be an object, got " + Fields.describe(m));
        }
        Fields mf = new Fields(m, "member.");
        ChangeOp.AddMember added = new ChangeOp.AddMember(f.requiredString("link"), new Member(
            mf.requiredString("id"), mf.capacity("capacity_gbps"),
            mf.bool("up", true)));
        mf.refuseUnknown();
        yield added;
      }
      case "srlg_down" -> new ChangeOp.SrlgDown(f.requiredString("srlg"));
      case "site_down" -> new ChangeOp.SiteDown(f.requiredString("site"));
      case "scale_demands" -> new ChangeOp.ScaleDemands(
          f.requiredNumber("factor", false),
          f.optionalNonEmptyString("src_site"), f.optionalNonEmptyString("dst_site"));
      case "policy_down" -> new ChangeOp.SetPolicyUp(f.requiredString("policy"), false);
      case "policy_up" -> new ChangeOp.SetPolicyUp(f.requiredString("policy"), true);
      case "add_policy" -> {
        Fields pf = TeRecords.nested(f, "policy", "policy");
        ChangeOp.AddPolicy added = new ChangeOp.AddPolicy(TeRecords.policy(pf));
        pf.refuseUnknown();
        yield added;
      }
      case "lsp_down" -> new ChangeOp.SetLspUp(f.requiredString("lsp"), false);
      case "lsp_up" -> new ChangeOp.SetLspUp(f.requiredString("lsp"), true);
      case "add_lsp" -> {
        Fields lf = TeRecords.nested(f, "lsp", "LSP");
        ChangeOp.AddLsp added = new ChangeOp.AddLsp(TeRecords.lsp(lf));
        lf.refuseUnknown();
        yield added;
      }
      case "set_lsp_bandwidth" -> new ChangeOp.SetLspBandwidth(f.requiredString("lsp"),
          f.requiredNumber("bandwidth_gbps", false));
      default -> throw new FieldException("op", "unknown op \"" + op + "\" (known: drain_device, "
          + "undrain_device, remove_device, link_down, link_up, member_down, member_up, "
          + "set_metric, set_capacity, add_link, add_member, srlg_down, site_down, "
          + "scale_demands, policy_down, policy_up, add_policy, lsp_down, lsp_up, add_lsp, "
          + "set_lsp_bandwidth)");
    };
  }
}
