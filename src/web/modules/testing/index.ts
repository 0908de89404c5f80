import {
  BankOutlined,
  BarChartOutlined,
  ClockCircleOutlined,
  CloudUploadOutlined,
  DiffOutlined,
  ExperimentOutlined,
  MedicineBoxOutlined,
  ScheduleOutlined,
} from '@ant-design/icons';
import { defineModule } from '@web/app/web-module';
import { lazyPage } from '@web/app/lazy-page';
import { paths } from '@web/app/paths';
import * as messages from './messages';

export const testing = defineModule({
  name: 'testing',
  pages: [
    {
      path: paths.sampling,
      permission: 'testing.read',
      page: lazyPage(
        () => import('./pages/SessionsPage'),
        (m) => m.SessionsPage,
      ),
    },
    {
      path: '/xet-nghiem/lay-mau/:id',
      permission: 'testing.read',
      page: lazyPage(
        () => import('./pages/SessionPage'),
        (m) => m.SessionPage,
      ),
    },
    {
      path: paths.testingTasks,
      permission: 'testing.read',
      page: lazyPage(
        () => import('./pages/TasksPage'),
        (m) => m.TasksPage,
      ),
    },
    {
      path: paths.lab,
      permission: 'testing.lab',
      page: lazyPage(
        () => import('./pages/LabPage'),
        (m) => m.LabPage,
      ),
    },
    {
      path: paths.labs,
      permission: 'testing.manage',
      page: lazyPage(
        () => import('./pages/LabsPage'),
        (m) => m.LabsPage,
      ),
    },
    {
      path: paths.testingSummary,
      permission: 'testing.summary',
      page: lazyPage(
        () => import('./pages/TestingSummaryPage'),
        (m) => m.TestingSummaryPage,
      ),
    },
    {
      path: paths.overdueSamples,
      permission: 'testing.read',
      page: lazyPage(
        () => import('./pages/OverdueSamplesPage'),
        (m) => m.OverdueSamplesPage,
      ),
    },
    {
      path: paths.resultImport,
      permission: 'testing.lab',
      page: lazyPage(
        () => import('./pages/ResultImportPage'),
        (m) => m.ResultImportPage,
      ),
    },
    {
      path: paths.resultConflicts,
      permission: 'testing.lab',
      page: lazyPage(
        () => import('./pages/ResultConflictsPage'),
        (m) => m.ResultConflictsPage,
      ),
    },
    // A person looks up their own result without an account.
    {
      path: paths.resultLookup,
      permission: 'public',
      page: lazyPage(
        () => import('./pages/ResultLookupPage'),
        (m) => m.ResultLookupPage,
      ),
    },
  ],
  menu: [
    { key: 'sampling', label: 'menu.sampling', icon: MedicineBoxOutlined, path: paths.sampling, permission: 'testing.read', order: 70, group: 'main' },
    { key: 'testingTasks', label: 'menu.testingTasks', icon: ScheduleOutlined, path: paths.testingTasks, permission: 'testing.read', order: 80, group: 'main' },
    { key: 'lab', label: 'menu.lab', icon: ExperimentOutlined, path: paths.lab, permission: 'testing.lab', order: 90, group: 'main' },
    {
      key: 'testingSummary',
      label: 'menu.testingSummary',
      icon: BarChartOutlined,
      path: paths.testingSummary,
      permission: 'testing.summary',
      order: 100,
      group: 'main',
    },
    {
      key: 'overdueSamples',
      label: 'menu.overdueSamples',
      icon: ClockCircleOutlined,
      path: paths.overdueSamples,
      permission: 'testing.read',
      order: 110,
      group: 'main',
    },
    {
      key: 'resultImport',
      label: 'menu.resultImport',
      icon: CloudUploadOutlined,
      path: paths.resultImport,
      permission: 'testing.lab',
      order: 120,
      group: 'main',
    },
    {
      key: 'resultConflicts',
      label: 'menu.resultConflicts',
      icon: DiffOutlined,
      path: paths.resultConflicts,
      permission: 'testing.lab',
      order: 130,
      group: 'main',
    },
    { key: 'labs', label: 'menu.labs', icon: BankOutlined, path: paths.labs, permission: 'testing.manage', order: 230, group: 'admin' },
  ],
  messages,
});
