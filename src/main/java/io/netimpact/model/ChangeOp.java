package io.netimpact.model;

import java.util.Optional;

/** One operation of a change request: a closed set, one record per op of the contract. */
public sealed interface ChangeOp {

  /** The contract's op name, as written in change files and generated scenario ids. */
  String opName();

  /** The element the op names, for generated scenario ids ({@code drain_device:r5}). */
  String target();

  /** {@code drain_device} (drained = true) or {@code undrain_device}. */
  record SetDrained(String device, boolean drained) implements ChangeOp {
    public SetDrained {
      Checks.id(device, "device");
    }

    public String opName() {
      return drained ? "drain_device" : "undrain_device";
    }

    public String target() {
      return device;
    }
  }

  /** {@code remove_device}: the device and its links disappear. */
  record RemoveDevice(String device) implements ChangeOp {
    public RemoveDevice {
      Checks.id(device, "device");
    }

    public String opName() {
      return "remove_device";
    }

    public String target() {
      return device;
    }
  }

  /** {@code link_down} (up = false) or {@code link_up}: admin state. */
  record SetLinkUp(String link, boolean up) implements ChangeOp {
    public SetLinkUp {
      Checks.id(link, "link");
    }

    public String opName() {
      return up ? "link_up" : "link_down";
    }

    public String target() {
      return link;
    }
  }

  /** {@code member_down} (up = false) or {@code member_up}. */
  record SetMemberUp(String link, String member, boolean up) implements ChangeOp {
    public SetMemberUp {
      Checks.id(link, "link");
      Checks.id(member, "member");
    }

    public String opName() {
      return up ? "member_up" : "member_down";
    }

    public String target() {
      return link + "/" + member;
    }
  }

  /** Which direction of a link a metric change applies to. */
  enum Direction {
    BOTH, AB, BA;

    /** Parses the contract's lower-case name. */
    public static Direction parse(String s) {
      return switch (s) {
        case "both" -> BOTH;
        case "ab" -> AB;
        case "ba" -> BA;
        default -> throw new IllegalArgumentException(
            "direction must be both, ab or ba, got \"" + s + "\"");
      };
    }
  }

  /** {@code set_metric}. */
  record SetMetric(String link, int metric, Direction direction) implements ChangeOp {
    public SetMetric {
      Checks.id(link, "link");
      Checks.atLeastOne(metric, "metric");
      java.util.Objects.requireNonNull(direction, "direction");
    }

    public String opName() {
      return "set_metric";
    }

    public String target() {
      return link;
    }
  }

  /** {@code set_capacity} of one member. */
  record SetCapacity(String link, String member, double capacityGbps) implements ChangeOp {
    public SetCapacity {
      Checks.id(link, "link");
      Checks.id(member, "member");
      Checks.capacity(capacityGbps, "capacity_gbps");
    }

    public String opName() {
      return "set_capacity";
    }

    public String target() {
      return link + "/" + member;
    }
  }

  /** {@code add_member}: a new member in an existing link (a LAG grows by one circuit). */
  record AddMember(String link, Member member) implements ChangeOp {
    public AddMember {
      Checks.id(link, "link");
      java.util.Objects.requireNonNull(member, "member");
    }

    public String opName() {
      return "add_member";
    }

    public String target() {
      return link + "/" + member.id();
    }
  }

  /** {@code add_link}: a new link between existing devices. */
  record AddLink(Link link) implements ChangeOp {
    public AddLink {
      java.util.Objects.requireNonNull(link, "link");
    }

    public String opName() {
      return "add_link";
    }

    public String target() {
      return link.id();
    }
  }

  /** {@code srlg_down}: every link of the SRLG goes admin down. */
  record SrlgDown(String srlg) implements ChangeOp {
    public SrlgDown {
      Checks.id(srlg, "srlg");
    }

    public String opName() {
      return "srlg_down";
    }

    public String target() {
      return srlg;
    }
  }

  /** {@code site_down}: every device of the site is removed. */
  record SiteDown(String site) implements ChangeOp {
    public SiteDown {
      Checks.id(site, "site");
    }

    public String opName() {
      return "site_down";
    }

    public String target() {
      return site;
    }
  }

  /**
   * {@code scale_demands}: multiplies the demands whose source device is in {@code srcSite}
   * and whose destination device is in {@code dstSite} (an absent filter matches all).
   */
  record ScaleDemands(double factor, Optional<String> srcSite, Optional<String> dstSite)
      implements ChangeOp {
    public ScaleDemands {
      Checks.nonNegativeFinite(factor, "factor");
      java.util.Objects.requireNonNull(srcSite, "srcSite");
      java.util.Objects.requireNonNull(dstSite, "dstSite");
    }

    public String opName() {
      return "scale_demands";
    }

    public String target() {
      return srcSite.orElse("*") + "->" + dstSite.orElse("*");
    }
  }

  /** The TE ops of docs/inputs.md#change-request: they change the TE tables, not the network. */
  sealed interface TeOp extends ChangeOp {}

  /** {@code policy_down} (up = false) or {@code policy_up}: policy admin state. */
  record SetPolicyUp(String policy, boolean up) implements TeOp {
    public SetPolicyUp {
      Checks.id(policy, "policy");
    }

    public String opName() {
      return up ? "policy_up" : "policy_down";
    }

    public String target() {
      return policy;
    }
  }

  /** {@code add_policy}: a new SR-TE policy. */
  record AddPolicy(SrPolicy policy) implements TeOp {
    public AddPolicy {
      java.util.Objects.requireNonNull(policy, "policy");
    }

    public String opName() {
      return "add_policy";
    }

    public String target() {
      return policy.id();
    }
  }

  /** {@code lsp_down} (up = false) or {@code lsp_up}: LSP admin state. */
  record SetLspUp(String lsp, boolean up) implements TeOp {
    public SetLspUp {
      Checks.id(lsp, "lsp");
    }

    public String opName() {
      return up ? "lsp_up" : "lsp_down";
    }

    public String target() {
      return lsp;
    }
  }

  /** {@code add_lsp}: a new RSVP-TE LSP. */
  record AddLsp(Lsp lsp) implements TeOp {
    public AddLsp {
      java.util.Objects.requireNonNull(lsp, "lsp");
    }

    public String opName() {
      return "add_lsp";
    }

    public String target() {
      return lsp.id();
    }
  }

  /** {@code set_lsp_bandwidth}: a new reservation; the LSP is placed again. */
  record SetLspBandwidth(String lsp, double bandwidthGbps) implements TeOp {
    public SetLspBandwidth {
      Checks.id(lsp, "lsp");
      Checks.nonNegativeFinite(bandwidthGbps, "bandwidth_gbps");
    }

    public String opName() {
      return "set_lsp_bandwidth";
    }

    public String target() {
      return lsp;
    }
  }
}
