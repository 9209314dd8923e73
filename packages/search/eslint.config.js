import base from '@copydesk/eslint-config/base'

export default base
