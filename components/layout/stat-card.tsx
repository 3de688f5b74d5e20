import { Card, CardContent } from "@/components/ui/card";
import { cn } from "@/lib/utils";

/** One headline number with its label. */
export function StatCard({ label, value, className }: { label: string; value: string | number; className?: string }) {
  return (
    <Card>
      <CardContent className="grid gap-1 pt-6">
        <span className="text-sm text-muted-foreground">{label}</span>
        <span className={cn("text-3xl font-semibold", className)}>{value}</span>
      </CardContent>
    </Card>
  );
}
