import { useEffect, useRef, useState } from 'react';
import { Card, Empty } from 'antd';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api } from '../../lib/api';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
interface Cell { countyCode: string; countyName: string; semester: string; semesterLabel: string; persons: number; amountFen: number }

/**
 * 雨露计划补助发放（按县、学期）: amounts as bars per county, persons as a line, from the one
 * aggregate query behind /rain/charts/subsidies. Hidden for accounts without rain.read.
 */
export function RainSubsidyChart() {
  const [cells, setCells] = useState<Cell[] | null>(null);
  const [denied, setDenied] = useState(false);
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    api.get<{ items: Cell[] }>('/rain/charts/subsidies').then((r) => setCells(r.items), () => setDenied(true));
  }, []);
  useEffect(() => {
    if (!cells || cells.length === 0 || !el.current) return;
    const semesters = [...new Map(cells.map((c) => [c.semester, c.semesterLabel])).entries()];
    const counties = [...new Map(cells.map((c) => [c.countyCode, c.countyName])).entries()];
    const at = (county: string, sem: string) => cells.find((c) => c.countyCode === county && c.semester === sem);
    const chart = echarts.init(el.current);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: counties.flatMap(([, n]) => [`${n}（金额）`, `${n}（人数）`]) },
      xAxis: { type: 'category', data: semesters.map(([, label]) => label) },
      yAxis: [{ type: 'value', name: '金额（元）' }, { type: 'value', name: '人数', minInterval: 1 }],
      series: counties.flatMap(([code, name]) => [
        { name: `${name}（金额）`, type: 'bar', data: semesters.map(([s]) => (at(code, s)?.amountFen ?? 0) / 100) },
        { name: `${name}（人数）`, type: 'line', yAxisIndex: 1, data: semesters.map(([s]) => at(code, s)?.persons ?? 0) },
      ]),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => { window.removeEventListener('resize', resize); chart.dispose(); };
  }, [cells]);
  if (denied) return null;
  return (
    <Card title="雨露计划补助发放（按县、学期）" style={{ marginTop: 16 }}>
      {cells && cells.length === 0 ? <Empty description="暂无已发放的补助" /> : <div ref={el} style={{ height: 340 }} data-testid="chart-rain-subsidies" />}
    </Card>
  );
}
