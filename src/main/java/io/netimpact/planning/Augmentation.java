package io.netimpact.planning;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Link;
import io.netimpact.model.Member;
import io.netimpact.model.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The members a plan adds, named: link {@code l} gets its {@code n}-th added member
 * {@code plan-N}, N the n-th smallest positive integer for which {@code plan-N} is neither a
 * member of the link in the snapshot nor a member that an {@code add_member} op of the sweep's
 * changes adds to it, so the plan combines with every scenario of the sweep (and reviews of
 * them) without a member id colliding, and the same inputs always give the same names.
 * Added members are up, of the link's largest member capacity.
 *
 * <p>Built in O(links + members + ops of the changes); {@link #apply} and {@link #change} are
 * O(links + members added).
 */
public final class Augmentation {
  static final String PREFIX = "plan-";

  private final Snapshot snapshot;
  private final List<Set<String>> taken;
  private final double[] memberGbps;

  public Augmentation(Snapshot snapshot, List<Change> changes) {
    this.snapshot = snapshot;
    Map<String, Integer> index = new HashMap<>();
    List<Link> links = snapshot.links();
    taken = new ArrayList<>(links.size());
    memberGbps = new double[links.size()];
    for (int l = 0; l < links.size(); l++) {
      index.put(links.get(l).id(), l);
      Set<String> ids = new HashSet<>();
      for (Member m : links.get(l).members()) {
        ids.add(m.id());
        memberGbps[l] = Math.max(memberGbps[l], m.capacityGbps());
      }
      taken.add(ids);
    }
    for (Change c : changes) {
      for (ChangeOp op : c.ops()) {
        if (op instanceof ChangeOp.AddMember o && index.containsKey(o.link())) {
          taken.get(index.get(o.link())).add(o.member().id());
        }
      }
    }
  }

  /** The capacity of a member added to snapshot link {@code l}: its largest member's. */
  public double memberGbps(int l) {
    return memberGbps[l];
  }

  /** The members added to link {@code l} when it gets {@code count}. O(count). */
  public List<Member> members(int l, int count) {
    List<Member> out = new ArrayList<>(count);
    for (int n = 1; out.size() < count; n++) {
      String id = PREFIX + n;
      if (!taken.get(l).contains(id)) {
        out.add(new Member(id, memberGbps[l], true));
      }
    }
    return out;
  }

  /** The snapshot with {@code count[l]} members added to each link {@code l}. */
  public Snapshot apply(int[] count) {
    List<Link> links = new ArrayList<>(snapshot.links());
    for (int l = 0; l < links.size(); l++) {
      if (count[l] > 0) {
        List<Member> ms = new ArrayList<>(links.get(l).members());
        ms.addAll(members(l, count[l]));
        links.set(l, links.get(l).withMembers(ms));
      }
    }
    return new Snapshot(snapshot.info(), snapshot.devices(), links, snapshot.demands());
  }

  /** The plan as a change request: one {@code add_member} op per added member, link order. */
  public Change change(String id, String title, int[] count) {
    List<ChangeOp> ops = new ArrayList<>();
    for (int l = 0; l < count.length; l++) {
      for (Member m : members(l, count[l])) {
        ops.add(new ChangeOp.AddMember(snapshot.links().get(l).id(), m));
      }
    }
    return new Change(id, title, ops);
  }
}
