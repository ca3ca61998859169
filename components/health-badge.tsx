import { Badge } from "@/components/ui/badge";
import type { Health } from "@/lib/health";

const labels: Record<Health["status"], string> = { ok: "All systems go", degraded: "Degraded", down: "Database unavailable" };

export function HealthBadge({ health }: { health: Health }) {
  const tone = health.status === "ok" ? "success" : health.status === "degraded" ? "warning" : "danger";
  const detail = `database: ${health.database.mode}${health.database.ok ? "" : " (down)"} · cache: ${health.cache.mode}${health.cache.ok ? "" : " (down)"}`;
  return (
    <Badge tone={tone} data-testid="health-badge" data-status={health.status} title={detail}>
      {labels[health.status]} <span className="text-zinc-500">({detail})</span>
    </Badge>
  );
}
