/**
 * A Nordic service desk's categories and classifier, as JSON, used by the example tests and the
 * guide (docs/classification.md). Customers write in Norwegian, Swedish, Finnish, Polish and
 * English.
 */
import { Classification } from '../../src/index.js'
import { getRight } from '../helpers/unsafe.js'

export const categoriesJson = {
  categories: [
    { id: 'workplace', name: 'Workplace' },
    { id: 'workplace.accounts', name: 'Accounts and access', parent: 'workplace' },
    { id: 'workplace.accounts.password', name: 'Password reset', parent: 'workplace.accounts' },
    { id: 'workplace.accounts.new-user', name: 'New user', parent: 'workplace.accounts' },
    { id: 'workplace.printing', name: 'Printing', parent: 'workplace' },
    { id: 'network', name: 'Network' },
    { id: 'network.internet', name: 'Internet access', parent: 'network' },
    { id: 'network.wifi', name: 'Wi-Fi', parent: 'network' },
    { id: 'security', name: 'Security' },
    { id: 'security.phishing', name: 'Phishing and suspicious e-mail', parent: 'security' },
    { id: 'erp', name: 'ERP' },
    { id: 'erp.availability', name: 'Availability', parent: 'erp' },
    { id: 'erp.batch', name: 'Batch jobs', parent: 'erp' },
    { id: 'erp.batch.invoicing', name: 'Invoicing run', parent: 'erp.batch' },
    { id: 'email', name: 'E-mail' }
  ]
}

export const classifierJson = {
  rules: [
    {
      id: 'suspicious-email',
      description: 'Possible phishing: a security incident, whatever else the text mentions',
      when: {
        _tag: 'Text',
        patterns: [
          'phishing',
          'suspicious e-mail',
          'suspicious email',
          'mistenkelig e-post',
          'misstänkt mejl',
          'misstänkt e-post',
          'epäilyttävä sähköposti',
          'podejrzany e-mail'
        ]
      },
      then: { kind: 'incident', category: 'security.phishing', urgency: 'high' },
      stop: true
    },
    {
      id: 'erp-alert',
      when: { _tag: 'All', conditions: [{ _tag: 'ReportedByMonitoring' }, { _tag: 'Service', services: ['erp'] }] },
      then: { category: 'erp.availability' }
    },
    {
      id: 'monitoring-alert',
      when: { _tag: 'ReportedByMonitoring' },
      then: { kind: 'incident', urgency: 'high' }
    },
    {
      id: 'password-reset',
      when: {
        _tag: 'Text',
        patterns: ['password', 'passord', 'lösenord', 'salasana', 'hasło', 'hasła', 'adgangskode']
      },
      then: { kind: 'serviceRequest', category: 'workplace.accounts.password', urgency: 'medium', impact: 'low' }
    },
    {
      id: 'internet-down',
      when: {
        _tag: 'All',
        conditions: [
          { _tag: 'Text', patterns: ['internett', 'internet', 'nettet', 'nätet'] },
          {
            _tag: 'Text',
            patterns: ['nede', 'ned', 'down', 'fungerer ikke', 'fungerar inte', 'ei toimi', 'nie działa']
          }
        ]
      },
      then: { kind: 'incident', category: 'network.internet' }
    },
    {
      id: 'everyone',
      when: {
        _tag: 'Text',
        patterns: ['for alle', 'alle brukere', 'för alla', 'alla användare', 'kaikilla', 'wszyscy', 'everyone'],
        match: 'word'
      },
      then: { impact: 'high' }
    },
    {
      id: 'vip',
      when: { _tag: 'Customer', customers: ['acme-hq'] },
      then: { urgency: 'high' }
    }
  ]
}

export const levels = ['high', 'medium', 'low']
export const categories = getRight(Classification.decodeCategoryTree(categoriesJson))
export const context: Classification.ClassifierContext = { categories, urgencies: levels, impacts: levels }
export const classifier = getRight(Classification.decodeClassifier(classifierJson, context))
