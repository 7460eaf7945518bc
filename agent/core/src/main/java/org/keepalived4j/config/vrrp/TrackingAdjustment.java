package org.keepalived4j.config.vrrp;

import java.util.Iterator;
import java.util.List;
import java.util.function.ToIntFunction;
import org.keepalived4j.config.TrackRef;
import org.keepalived4j.config.keyword.ParseContext;

/**
 * Weighted tracking that keepalived will not honour: members of a sync group (unless it sets
 * {@code sync_group_tracking_weight}) and address owners (priority 255) must not float their
 * priority, so weights are cleared or the tracking dropped, each with a complaint.
 */
final class TrackingAdjustment {

    private TrackingAdjustment() {
    }

    static void forSyncOrOwner(ParseContext ctx, InstanceDraft d, SyncGroupParser.Draft group) {
        boolean sync = group != null && !group.trackingWeight;
        if (!sync && d.priority != 255) {
            return;
        }
        String why = sync ? "SYNC group" : "address owner";
        String whyScript = sync ? "SYNC group" : "address_owner";
        ListIteratorHelper.replace(d.trackInterfaces, t -> {
            if (t.weight() == null || t.weight() == 0) {
                return t;
            }
            ctx.diagnostics().error(t.location(), d.name, "ignoring " + t.name() + " tracked interface "
                    + (sync ? "weight " : "") + "due to " + why);
            return sync ? new TrackRef(t.name(), 0, t.reverse(), t.location()) : null;
        });
        removeWeighted(ctx, d, d.trackScripts, t -> effective(t, d.owner.scriptWeight(t.name())),
                (t, w) -> "ignoring tracked script " + t.name() + " with weights due to " + whyScript);
        ListIteratorHelper.replace(d.trackFiles, t -> {
            int w = effective(t, d.owner.trackFileWeight(t.name()));
            if (w == 1) {
                ctx.diagnostics().error(t.location(), d.name, "ignoring weight from tracked file " + t.name()
                        + " due to " + whyScript + ". specify weight 0");
                return new TrackRef(t.name(), 0, t.reverse(), t.location());
            }
            if (w != 0) {
                ctx.diagnostics().error(t.location(), d.name, "ignoring tracked file " + t.name() + " with weight " + w
                        + " due to " + whyScript);
                return null;
            }
            return t;
        });
        removeWeighted(ctx, d, d.trackBfds, t -> effective(t, d.owner.bfdWeight(t.name())),
                (t, w) -> "ignoring tracked bfd " + t.name() + " with weight " + w + " due to " + whyScript);
    }

    static int effective(TrackRef t, int own) {
        return t.weight() != null ? t.weight() : own;
    }

    private static void removeWeighted(ParseContext ctx, InstanceDraft d, List<TrackRef> list,
            ToIntFunction<TrackRef> weight, java.util.function.BiFunction<TrackRef, Integer, String> message) {
        Iterator<TrackRef> it = list.iterator();
        while (it.hasNext()) {
            TrackRef t = it.next();
            int w = weight.applyAsInt(t);
            if (w != 0) {
                ctx.diagnostics().error(t.location(), d.name, message.apply(t, w));
                it.remove();
            }
        }
    }

    /** In-place replacement where a {@code null} result removes the element. */
    static final class ListIteratorHelper {
        private ListIteratorHelper() {
        }

        static void replace(List<TrackRef> list, java.util.function.UnaryOperator<TrackRef> f) {
            java.util.ListIterator<TrackRef> it = list.listIterator();
            while (it.hasNext()) {
                TrackRef r = f.apply(it.next());
                if (r == null) {
                    it.remove();
                } else {
                    it.set(r);
                }
            }
        }
    }
}
