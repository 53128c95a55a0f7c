import { describe, expect, test } from '@jest/globals'
import {
  escapeLabelValue,
  findSample,
  formatGauges,
  formatValue
} from '../../../src/format/prometheus.js'
import { parseExposition } from '../../helpers/exposition.js'

const HOSTILE = [
  'shop "prod" db',
  'back\\slash\\n not a newline',
  'two\nlines',
  'ends with \\',
  'x} 1\nfake_metric{a="b"} 42',
  '# HELP injected',
  'carriage\rreturn',
  'ünïcode ☃ 数据库',
  ''
]

describe('Prometheus text exposition', () => {
  test('gauges come out with HELP, TYPE and one line per sample', () => {
    expect(
      formatGauges([
        {
          name: 'dbaas_backup_newest_age_seconds',
          help: 'Age of the newest backup.',
          samples: [
            { labels: { instance: 'shop-db', instance_id: 'i-1' }, value: 3600 },
            { labels: { instance: 'blog-db', instance_id: 'i-2' }, value: 0.5 }
          ]
        },
        { name: 'dbaas_backup_fresh', help: '1 when fresh', samples: [{ labels: {}, value: 1 }] }
      ])
    ).toBe(
      [
        '# HELP dbaas_backup_newest_age_seconds Age of the newest backup.',
        '# TYPE dbaas_backup_newest_age_seconds gauge',
        'dbaas_backup_newest_age_seconds{instance="shop-db",instance_id="i-1"} 3600',
        'dbaas_backup_newest_age_seconds{instance="blog-db",instance_id="i-2"} 0.5',
        '# HELP dbaas_backup_fresh 1 when fresh',
        '# TYPE dbaas_backup_fresh gauge',
        'dbaas_backup_fresh 1',
        ''
      ].join('\n')
    )
  })

  test('label values escape backslash, double quote and line feed, and nothing else', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd')
    expect(escapeLabelValue('tab\tand\rcr')).toBe('tab\tand\rcr')
  })

  test.each(HOSTILE)(
    'an instance named %j cannot break the format and comes back intact',
    (name) => {
      const text = formatGauges([
        {
          name: 'dbaas_backup_fresh',
          help: `help with ${name}`,
          samples: [{ labels: { instance: name }, value: 0 }]
        }
      ])
      const { samples } = parseExposition(text)
      expect(samples).toEqual([
        { name: 'dbaas_backup_fresh', labels: { instance: name }, value: 0 }
      ])
      // Exactly one HELP, one TYPE and one sample line, whatever the name held.
      expect(text.split('\n')).toHaveLength(4)
    }
  )

  test('a gauge without samples is left out; no gauges at all is an empty file', () => {
    const text = formatGauges([
      { name: 'dbaas_backup_a', help: 'a', samples: [] },
      { name: 'dbaas_backup_b', help: 'b', samples: [{ labels: {}, value: 2 }] }
    ])
    expect(text).not.toContain('dbaas_backup_a')
    expect(formatGauges([])).toBe('')
  })

  test('special values are spelt as the format spells them', () => {
    expect([NaN, Infinity, -Infinity, 0, -1.25, 1e21].map(formatValue)).toEqual([
      'NaN',
      '+Inf',
      '-Inf',
      '0',
      '-1.25',
      '1e+21'
    ])
  })

  test.each([
    ['a metric name with a dash', { name: 'dbaas-backup', help: '', samples: [] }],
    [
      'a label name with a dot',
      { name: 'x', help: '', samples: [{ labels: { 'in.stance': 'a' }, value: 1 }] }
    ],
    [
      'a reserved label name',
      { name: 'x', help: '', samples: [{ labels: { __name__: 'a' }, value: 1 }] }
    ],
    [
      'the same labels twice',
      {
        name: 'x',
        help: '',
        samples: [
          { labels: { a: '1' }, value: 1 },
          { labels: { a: '1' }, value: 2 }
        ]
      }
    ]
  ])('%s is a bug and throws', (_what, gauge) => {
    expect(() => formatGauges([gauge])).toThrow(RangeError)
  })

  test('the same metric twice is a bug and throws', () => {
    const g = { name: 'x', help: '', samples: [{ labels: {}, value: 1 }] }
    expect(() => formatGauges([g, g])).toThrow(/given twice/)
  })

  test('a sample is found again in text written earlier, escaped labels included', () => {
    const labels = { instance: 'x} 1\n"odd"', instance_id: 'i-1' }
    const text = formatGauges([
      {
        name: 'dbaas_backup_verify_last_success_timestamp_seconds',
        help: 'h',
        samples: [{ labels, value: 1764547200 }]
      },
      { name: 'dbaas_backup_other', help: 'h', samples: [{ labels, value: 7 }] }
    ])
    expect(findSample(text, 'dbaas_backup_verify_last_success_timestamp_seconds', labels)).toBe(
      1764547200
    )
    expect(
      findSample(text, 'dbaas_backup_verify_last_success_timestamp_seconds', {
        ...labels,
        instance_id: 'i-2'
      })
    ).toBeUndefined()
    expect(findSample('', 'dbaas_backup_other', labels)).toBeUndefined()
    expect(findSample('dbaas_backup_other garbage\n', 'dbaas_backup_other', {})).toBeUndefined()
  })
})
