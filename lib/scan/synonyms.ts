import type { FieldKey } from '../model';
import { headerKey } from './text';

/** What a column means: a MemberRow property, a name part, or a console field. */
export type ColumnRole = 'name' | 'familyName' | 'givenName' | 'identifier' | 'email' | FieldKey;

export interface HeaderSynonym {
  role: ColumnRole;
  /** Header texts as a console shows them; compared after `headerKey` folding. */
  headers: readonly string[];
  /** Match only the whole header, never as part of a longer one (short words such as 姓, ID). */
  exact?: boolean;
}

/** Headers common to rosters in Japanese and English. Profiles put their own in front. */
export const BASE_SYNONYMS: readonly HeaderSynonym[] = [
  {
    role: 'name',
    headers: [
      '名前',
      '氏名',
      '表示名',
      'ユーザー名',
      'メンバー名',
      '社員名',
      '従業員名',
      '利用者名',
      '担当者名',
      'name',
      'fullname',
      'displayname',
      'username',
      'membername',
      'employeename',
    ],
  },
  { role: 'name', headers: ['メンバー', 'ユーザー', '社員', 'member', 'user', 'employee'], exact: true },
  { role: 'familyName', headers: ['姓', 'ユーザーの姓', 'lastname', 'familyname', 'surname'], exact: true },
  { role: 'givenName', headers: ['名', 'ユーザーの名', 'firstname', 'givenname'], exact: true },
  {
    role: 'email',
    headers: ['メールアドレス', 'メール', 'eメール', 'e-mail', 'email', 'mail', 'emailaddress', 'e-mailaddress', 'ログインメールアドレス', 'ログインメール'],
  },
  { role: 'identifier', headers: ['id', 'ユーザーid', 'メンバーid', 'ログインid', 'userid', 'memberid', 'loginid', 'アカウント', 'account'], exact: true },
  {
    role: 'chatworkAccountId',
    headers: ['識別id', 'アカウントid', 'accountid', 'account_id', 'chatworkアカウントid', 'チャットワークアカウントid', 'chatworkaccountid'],
  },
  { role: 'chatworkId', headers: ['チャットワークid', 'chatworkid', 'chatwork_id'] },
  { role: 'slackMemberId', headers: ['slackメンバーid', 'slackmemberid', 'slackid', 'slack'] },
  {
    role: 'organisation',
    headers: ['組織', '部署', '所属', '部門', '所属組織', '所属部署', 'department', 'organization', 'organisation', 'division', 'team', 'チーム'],
  },
  { role: 'position', headers: ['役職', '職位', '肩書', '肩書き', 'position', 'jobtitle', 'title'] },
  { role: 'status', headers: ['状態', 'ステータス', '利用状況', '利用状態', 'アカウント状態', 'status', 'state', 'accountstatus'] },
  { role: 'role', headers: ['ロール', '権限', '管理者権限', '利用権限', 'role', 'permission', 'permissions'] },
  { role: 'employeeNumber', headers: ['社員番号', '従業員番号', '社員コード', 'employeenumber', 'employeeno', 'employeeid'] },
  { role: 'phone', headers: ['電話番号', '電話', '携帯電話', '携帯電話番号', '内線', 'phone', 'tel', 'telephone', 'mobile'] },
  { role: 'calendarLinked', headers: ['カレンダー連携', 'カレンダー', 'calendar', 'calendarlink', 'calendarintegration'] },
  {
    role: 'calendarAddress',
    headers: ['連携中のメールアドレス', 'カレンダー連携アカウント', '連携アカウント', 'calendaraccount', 'calendaraddress', 'linkedcalendar'],
  },
  { role: 'meetingTool', headers: ['会議手段', '会議ツール', 'web会議', 'web会議ツール', 'meetingtool', 'conferencetool'] },
  { role: 'zoomLinked', headers: ['zoom連携', 'zoom', 'zoomintegration'] },
  { role: 'personalMeetingUrl', headers: ['パーソナルミーティングurl', 'zoomパーソナルミーティングurl', 'personalmeetingurl', 'pmi', 'ミーティングurl'] },
  { role: 'contactKind', headers: ['種類', '連絡先の種類', 'contacttype', 'kind'] },
];

/**
 * The role of a header: an exact synonym first, then the longest synonym the header contains
 * (ログインメールアドレス → email, but 連携中のメールアドレス → calendarAddress). Earlier tables win ties.
 */
export function roleOfHeader(header: string, tables: readonly (readonly HeaderSynonym[])[]): ColumnRole | undefined {
  const key = headerKey(header);
  if (!key) return undefined;
  let best: { role: ColumnRole; length: number } | undefined;
  for (const table of tables) {
    for (const synonym of table) {
      for (const candidate of synonym.headers) {
        if (candidate === key) return synonym.role;
        if (synonym.exact || candidate.length < 2 || !key.includes(candidate)) continue;
        if (!best || candidate.length > best.length) best = { role: synonym.role, length: candidate.length };
      }
    }
  }
  return best?.role;
}
