import { StreamCategory } from './stream-category';

describe('StreamCategory', () => {
  const applications = new StreamCategory('application');

  it('names the stream <category>-<id>, the form the stored streams have', () => {
    expect(applications.streamOf('42')).toBe('application-42');
    expect(new StreamCategory('general-authorisation-user').streamOf('7f3a')).toBe('general-authorisation-user-7f3a');
  });

  it.each(['42', '0b6c1c3e-8f0a-4c5e-9d1e-2a7b9c4d5e6f', 'DE-2026-0117'])(
    'turns the id %s into its stream and back',
    (id) => {
      const stream = applications.streamOf(id);
      expect(applications.owns(stream)).toBe(true);
      expect(applications.idOf(stream)).toBe(id);
      expect(applications.idOrNull(stream)).toBe(id);
    },
  );

  it('takes a dashed category name whole: the id is what follows the name and its dash', () => {
    const registrations = new StreamCategory('general-authorisation-user');
    expect(registrations.idOf('general-authorisation-user-7f3a-b2')).toBe('7f3a-b2');
  });

  it.each(['licence-42', 'applications-42', 'applicationx-42', 'application', 'xapplication-42'])(
    'refuses the stream %s of another category',
    (stream) => {
      expect(applications.owns(stream)).toBe(false);
      expect(applications.idOrNull(stream)).toBeNull();
      expect(() => applications.idOf(stream)).toThrow(`Stream ${stream} is not in category application`);
    },
  );
});
