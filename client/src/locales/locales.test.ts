import { describe, expect, it } from 'vitest';
import { componentGroupLabels, componentLabels } from '../../../shared/kpi/component-labels';
import { measureLabels } from '../../../shared/kpi/measure-table';
import { en } from './en';
import { vi } from './vi';

describe('the locales', () => {
  it('take component, group and measure names from the shared tables (the reports use the same)', () => {
    expect(vi.components).toEqual(componentLabels('vi'));
    expect(en.components).toEqual(componentLabels('en'));
    expect(vi.componentGroups).toEqual(componentGroupLabels('vi'));
    expect(en.componentGroups).toEqual(componentGroupLabels('en'));
    expect(vi.measures).toMatchObject(measureLabels('vi'));
    expect(en.measures).toMatchObject(measureLabels('en'));
  });
});
