"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type TrendChartPoint = { key: string; submitted: number; completed: number; completedWithinPromised: number };

/** Applications submitted, completed and completed in time per day or month (the table below has the numbers). */
export function TrendChart({ points, labels }: { points: TrendChartPoint[]; labels: { label: string; submitted: string; completed: string; withinPromised: string } }) {
  return (
    <figure aria-label={labels.label} className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="key" fontSize={12} />
          <YAxis allowDecimals={false} fontSize={12} />
          <Tooltip />
          <Legend />
          <Line type="monotone" dataKey="submitted" name={labels.submitted} stroke="#2563eb" dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="completed" name={labels.completed} stroke="#16a34a" dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="completedWithinPromised" name={labels.withinPromised} stroke="#d97706" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
