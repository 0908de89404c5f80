/** Every route of the web app, in Vietnamese without diacritics (readable in a shared link). */
export const paths = {
  login: '/dang-nhap',
  geography: '/dia-ban',
  unit: (code: string) => `/dia-ban/${code}`,
  people: '/nguoi-dan',
  peopleIn: (unit: string) => `/nguoi-dan?unit=${encodeURIComponent(unit)}`,
  newPerson: '/nguoi-dan/them',
  person: (id: string) => `/nguoi-dan/${id}`,
  editPerson: (id: string) => `/nguoi-dan/${id}/sua`,
  newHousehold: '/ho-gia-dinh/them',
  household: (id: string) => `/ho-gia-dinh/${id}`,
  users: '/quan-tri/nguoi-dung',
  ruleSets: '/quan-tri/bo-quy-tac',
  ruleSet: (id: string) => `/quan-tri/bo-quy-tac/${id}`,
  audit: '/quan-tri/nhat-ky',
} as const;
