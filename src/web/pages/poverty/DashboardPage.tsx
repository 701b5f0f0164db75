import { useEffect, useRef, useState } from 'react';
import { Card, Col, Row, Statistic } from 'antd';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { LEVEL } from './labels';
import { RainSubsidyChart } from '../rain/SubsidyChart';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
const COLORS: Record<string, string> = { RED: '#cf1322', YELLOW: '#d4b106', BLUE: '#1677ff' };
interface Cell { villageCode: string; villageName: string; level: string; n: number }

/** 监测看板: monitored households by colour and by village (ECharts). */
export default function DashboardPage() {
  const [cells, setCells] = useState<Cell[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const bar = useRef<HTMLDivElement>(null);
  const pie = useRef<HTMLDivElement>(null);
  useEffect(() => {
    api.get<{ byVillage: Cell[] }>('/poverty/dashboard').then((r) => setCells(r.byVillage), setError);
  }, []);
  useEffect(() => {
    if (!cells || !bar.current || !pie.current) return;
    const villages = [...new Map(cells.map((c) => [c.villageCode, c.villageName])).entries()];
    const levels = Object.keys(LEVEL);
    const b = echarts.init(bar.current);
    b.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: levels.map((l) => LEVEL[l].label) },
      xAxis: { type: 'category', data: villages.map(([, name]) => name) },
      yAxis: { type: 'value', minInterval: 1, name: '户数' },
      series: levels.map((l) => ({ name: LEVEL[l].label, type: 'bar', stack: 'total', color: COLORS[l], data: villages.map(([code]) => cells.find((c) => c.villageCode === code && c.level === l)?.n ?? 0) })),
    });
    const p = echarts.init(pie.current);
    p.setOption({
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['40%', '70%'], data: levels.map((l) => ({ name: LEVEL[l].label, value: cells.filter((c) => c.level === l).reduce((s, c) => s + c.n, 0), itemStyle: { color: COLORS[l] } })) }],
    });
    const resize = () => { b.resize(); p.resize(); };
    window.addEventListener('resize', resize);
    return () => { window.removeEventListener('resize', resize); b.dispose(); p.dispose(); };
  }, [cells]);
  const total = (l?: string) => (cells ?? []).filter((c) => !l || c.level === l).reduce((s, c) => s + c.n, 0);
  return (
    <>
      <ErrorAlert error={error} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}><Card><Statistic title="监测户" value={total()} suffix="户" /></Card></Col>
        {Object.entries(LEVEL).map(([l, v]) => <Col span={6} key={l}><Card><Statistic title={v.label} value={total(l)} suffix="户" valueStyle={{ color: COLORS[l] }} /></Card></Col>)}
      </Row>
      <Row gutter={16}>
        <Col span={16}><Card title="各村监测户（按预警等级）"><div ref={bar} style={{ height: 360 }} data-testid="chart-villages" /></Card></Col>
        <Col span={8}><Card title="预警等级构成"><div ref={pie} style={{ height: 360 }} /></Card></Col>
      </Row>
      <RainSubsidyChart />
    </>
  );
}
