import { describe, expect, test } from '@jest/globals'
import { parseS3Uri } from '../../../src/storage/s3-uri.js'

describe('parseS3Uri', () => {
  test.each([
    ['s3://backups', { bucket: 'backups', prefix: '' }],
    ['s3://backups/', { bucket: 'backups', prefix: '' }],
    ['s3://backups/db', { bucket: 'backups', prefix: 'db/' }],
    ['s3://backups/db/', { bucket: 'backups', prefix: 'db/' }],
    ['s3://backups//db//weekly', { bucket: 'backups', prefix: 'db/weekly/' }],
    ['  s3://my.bucket-1/a/b  ', { bucket: 'my.bucket-1', prefix: 'a/b/' }]
  ])('%s', (uri, expected) => {
    expect(parseS3Uri(uri)).toEqual(expected)
  })

  test.each([
    ['https://backups/db', /not an S3 URI/],
    ['backups/db', /not an S3 URI/],
    ['s3://', /not an S3 URI/],
    ['s3://Backups', /not a bucket name/],
    ['s3://ab', /not a bucket name/],
    ['s3://backups/../etc', /may not contain/]
  ])('rejects %s', (uri, problem) => {
    expect(parseS3Uri(uri)).toMatch(problem)
  })
})
