import { describe, expect, it } from 'vitest'

import { searchText } from './searchText'

describe('searchText', () => {
  it('folds each part and puts the byline and Key Questions together', () => {
    expect(
      searchText({
        title: 'Apagón en Cuba',
        dek: null,
        body: ['La central Antonio Guiteras', 'salió de servicio.'],
        authors: ['José Núñez', 'Claire Jimenez'],
        keyQuestions: [{ question: '¿Qué pasó?', answer: ['Un apagón.'] }],
      }),
    ).toEqual({
      title: 'apagon en cuba',
      dek: '',
      body: 'la central antonio guiteras\nsalio de servicio.',
      extra: 'jose nunez\nclaire jimenez\n¿que paso?\nun apagon.',
    })
  })
})
