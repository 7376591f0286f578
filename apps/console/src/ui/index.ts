// The shared bits every page may use (owned by the shell; pages add their own files as ui/<page>-*.tsx).
export { ErrorBanner, describeError, type ErrorBannerProps } from './error-banner';
export { Loading } from './loading';
export { Table, type Column, type TableProps } from './table';
export { Chart, PALETTE, type ChartProps, type ChartSeries } from './chart';
export { formatMoney, formatAmount, weightDecimal, toChartNumber } from './money';
export { useApi, usePagedApi, type Loaded, type PagedLoad } from './use-api';
